"""skpkit domain core: the SKP rules of PermenPANRB 6/2022 as pure functions.

Nothing here reads or writes files; ``generator`` and ``addin`` build on it.
"""

__version__ = "0.1.0"
