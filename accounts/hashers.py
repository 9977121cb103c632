"""How passwords are stored: Argon2id, with parameters that cost a sign-in little CPU time.

Django's PBKDF2 (1,000,000 iterations of SHA-256) spends its strength on CPU time alone: on a
2-core web machine one check takes 0.2 to 0.5 CPU seconds, and a training hall signing in at once
queues every other request behind it. Argon2id spends it on memory instead, which is what makes
guessing dear on graphics cards and dedicated hardware, while one check takes a few hundredths of
a CPU second. The parameters are the smallest of the published recommendations for Argon2id
(19 MiB of memory, 2 passes, 1 lane); docs/security.md says why they are enough.

Hashes of another kind (PBKDF2 from before) keep working, and a successful sign-in stores the
password again with this hasher; so does a change of the parameters below.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    # Django's own Argon2 hasher (also Argon2id) asks for 100 MiB and 8 lanes: several times the
    # CPU time of these, on a machine with 2 cores, for a margin the recommendation does not ask for.
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
