from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.core.management.base import BaseCommand

from certificates import signing_key


class Command(BaseCommand):
    help = (
        "Sign certificates' credentials with a new key from now on. The old key's public half stays "
        "published, so the credentials it signed still verify."
    )

    def handle(self, *args, **options):
        if settings.CASCADE_CREDENTIAL_KEY.strip():
            self._explain_for_the_environment()
            return
        old, new = signing_key.rotate_stored_key()
        self.stdout.write(self.style.SUCCESS(f"Credentials are signed with key {new} from now on."))
        self.stdout.write(f"Key {old} stays published as a retired key: what it signed still verifies.")
        self.stdout.write("Restart the web and Celery processes so that they sign with the new key.")

    def _explain_for_the_environment(self):
        """The key lives in the operator's secret manager: say what to put there, change nothing."""
        old = signing_key.private_key().public_key()
        new = Ed25519PrivateKey.generate()
        pem = new.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        retired = settings.CASCADE_CREDENTIAL_RETIRED_KEYS.strip()
        retired = (retired + "\\n" if retired else "") + one_line(signing_key.public_pem(old).decode())
        write = self.stdout.write
        write(f"{signing_key.KEY_ENVIRONMENT_VARIABLE} is set, so this changes nothing by itself.")
        write("Put these two values in the environment of every web and Celery process, then restart them:")
        write(f"{signing_key.KEY_ENVIRONMENT_VARIABLE}={one_line(pem)}")
        write(f"{signing_key.RETIRED_ENVIRONMENT_VARIABLE}={retired}")
        write(f"The new key is {signing_key.thumbprint(new.public_key())}; {signing_key.thumbprint(old)} retires.")


def one_line(pem: str) -> str:
    """A PEM as one line, its newlines written as \\n (how the settings read it back)."""
    return pem.strip().replace("\n", "\\n")
