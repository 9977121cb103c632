"""The question types Cascade has: importing a type's module registers it, in the order of the
editor's list of types (hence not sorted). A new type is one line here."""

# isort: off
from . import single_choice  # noqa: F401
from . import multiple_response  # noqa: F401
from . import true_false  # noqa: F401
from . import short_answer  # noqa: F401
from . import numeric  # noqa: F401
from . import matching  # noqa: F401
from . import ordering  # noqa: F401
from . import essay  # noqa: F401
from . import description  # noqa: F401
from . import select_missing_words  # noqa: F401
# isort: on
