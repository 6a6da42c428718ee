import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


import pytest


@pytest.fixture(autouse=True)
def _chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests read disclint's messages in Chinese, its default, whatever the developer's locale."""
    monkeypatch.setenv("DISCLINT_LANG", "zh")


@pytest.fixture()
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """For a test that reads disclint's English messages (its message ids), whatever the default."""
    monkeypatch.setenv("DISCLINT_LANG", "en")
