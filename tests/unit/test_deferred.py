"""A deferred module loads on the first read of one of its names, once, from any thread."""

from __future__ import annotations

import threading

import pytest

from papershelf.deferred import Deferred, deferred
from tests.conftest import python_c


def test_nothing_is_imported_until_a_name_is_read() -> None:
    code = (
        "import sys\n"
        "from papershelf.deferred import deferred\n"
        "mod = deferred('papershelf.services.results')\n"
        "name = 'papershelf.services.results'\n"
        "print(name in sys.modules, repr(mod).endswith('not loaded yet>'))\n"
        "change = mod.Change('x', (), 1)\n"
        "print(name in sys.modules, repr(mod).endswith(', loaded>'))\n"
        "import papershelf.services.results as real\n"
        "print(type(change) is real.Change)\n"
    )
    out = python_c(code)
    assert out.split() == ["False", "True", "True", "True", "True"]


def test_a_name_the_module_lacks_is_an_attribute_error() -> None:
    mod = deferred("papershelf.domain.glyphs")
    with pytest.raises(AttributeError, match="no_such_name"):
        mod.no_such_name  # noqa: B018 -- the read is the test


def test_threads_reading_at_once_get_the_one_module() -> None:
    mod = Deferred("papershelf.domain.tags")
    seen: list[object] = []
    barrier = threading.Barrier(4)

    def read() -> None:
        barrier.wait()
        seen.append(mod.tag_counts)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    from papershelf.domain.tags import tag_counts

    assert seen == [tag_counts] * 4
