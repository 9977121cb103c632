"""Low-data mode: smaller pictures, no web font, videos only on request.

It is on when the signed-in person chose it in their profile, or when the browser asks for less data
(the ``Save-Data: on`` request header of Chrome's and Opera's data savers). A visitor who is not
signed in gets it from the header alone. A page that looked at it varies on ``Save-Data``
(``lms.middleware.LowDataMiddleware``), so that no cache hands a full page to a data saver or the reverse."""

SAVE_DATA_META = "HTTP_SAVE_DATA"


def browser_asks(request) -> bool:
    return request.META.get(SAVE_DATA_META, "").strip().lower() == "on"


class LowData:
    """Whether a request is served in low-data mode, worked out when first asked (most answers
    are not pages and never ask). ``read`` says whether anything asked."""

    def __init__(self, request):
        self._request = request
        self._state: tuple[bool, bool] | None = None
        self.read = False

    def _resolve(self) -> tuple[bool, bool]:
        if self._state is None:
            self.read = True
            user = getattr(self._request, "user", None)
            chosen = bool(getattr(user, "is_authenticated", False) and getattr(user, "low_data_mode", False))
            asked = browser_asks(self._request)
            self._state = (chosen or asked, asked and not chosen)
        return self._state

    @property
    def on(self) -> bool:
        return self._resolve()[0]

    @property
    def by_browser(self) -> bool:
        """On only because the browser asked: the page says so and where to change it."""
        return self._resolve()[1]

    def __bool__(self) -> bool:
        return self.on


def low_data(request) -> LowData:
    """The request's state: the middleware's, or a fresh one outside the middleware (a test's
    request, the benchmark's stock stack)."""
    state = getattr(request, "low_data", None)
    return state if isinstance(state, LowData) else LowData(request)
