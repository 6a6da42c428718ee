"""The one exception every parser raises for input it cannot read."""

from __future__ import annotations


class InputError(Exception):
    """The file cannot be linted; the message is one line for the user."""
