"""Background jobs of the shared toolbox: building prepared downloads, and the sweep behind them."""

from celery import shared_task


@shared_task(acks_late=True)
def build_download(download_id: int) -> int:
    """Build one prepared download; a no-op once built or while another worker builds it."""
    from .downloads import download_build

    download = download_build(download_id)
    return download.done if download and download.finished_at else 0


@shared_task
def sweep_downloads() -> dict:
    """Periodic: builds left behind by a broker outage or a dead worker, and files past their time."""
    from .downloads import downloads_sweep

    return downloads_sweep()
