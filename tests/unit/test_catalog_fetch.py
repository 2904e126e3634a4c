"""``import URL`` and ``update`` against a local HTTP server: fetch, keep, refetch, refuse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from papershelf.catalog import fetch
from papershelf.catalog.fetch import check_url, fetch_list, raw_url, url_list_name
from papershelf.errors import ListError
from tests.conftest import run_cli as run
from tests.list_site import Site

LIST_V1 = (
    "# Reading\n\n"  # names the list, not a venue: each entry's tag gives its venue
    "- [OSDI'24] [First Paper About Things](https://x.org/1)\n"
    "- [NSDI'23] [Second Paper About Stuff](https://x.org/2)\n"
)
LIST_V2 = LIST_V1 + "- [SOSP'24] [Third Paper Just Added](https://x.org/3)\n"


def _list_names(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    code, out, _ = run(capsys, "lists", "--format", "json")
    assert code == 0
    return {i["name"]: i["source"] for i in json.loads(out)}


# pure parts ----------------------------------------------------------------------------
def test_github_page_urls_map_to_raw_files() -> None:
    assert raw_url("https://github.com/o/r/blob/main/docs/list.md") == (
        "https://raw.githubusercontent.com/o/r/main/docs/list.md"
    )
    assert raw_url("https://github.com/o/r/blob/main/README.md?plain=1#top") == (
        "https://raw.githubusercontent.com/o/r/main/README.md"
    )
    assert raw_url("https://example.org/a/list.md?x=1#frag") == "https://example.org/a/list.md?x=1"


def test_fetched_lists_are_named_apart() -> None:
    assert url_list_name("https://github.com/o/awesome/blob/main/README.md") == "o-awesome-README"
    assert url_list_name("https://example.org/p/osdi.md") == "example.org-osdi"


@pytest.mark.parametrize(
    "url",
    ["http://example.org/list.md", "ftp://example.org/list.md", "file:///etc/passwd", "https://"],
)
def test_only_https_or_loopback_http_is_fetched(url: str) -> None:
    with pytest.raises(ListError, match=r"^\S+: (only https|not a valid URL)"):
        check_url(url)


def test_loopback_http_is_allowed() -> None:
    check_url("http://127.0.0.1:8000/x.md")
    check_url("http://localhost/x.md")


# fetching ------------------------------------------------------------------------------
def test_fetch_reads_the_list(site: Site) -> None:
    url = site.put("/lists/reading.md", LIST_V1)
    got = fetch_list(url)
    assert (got.text, got.file_name) == (LIST_V1, "reading.md")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/nowhere.md", "HTTP 404"),
        ("/page.html", "is a web page"),
        ("/empty.md", "empty file"),
        ("/binary.md", "binary file"),
        ("/redirect", "only https"),
        ("/slow", "timed out after 0.3 s"),
        ("/big.md", "too large"),
    ],
)
def test_fetch_failures_are_one_line(
    site: Site, monkeypatch: pytest.MonkeyPatch, path: str, reason: str
) -> None:
    site.put("/page.html", "<html></html>", "text/html")
    site.put("/empty.md", "  \n")
    site.pages["/binary.md"] = (200, "text/plain", b"a\x00b")
    site.put("/big.md", "x" * 5000)
    monkeypatch.setattr(fetch, "TIMEOUT", 0.3)
    monkeypatch.setattr(fetch, "MAX_LIST_BYTES", 4096)
    with pytest.raises(ListError) as caught:
        fetch_list(site.base + path)
    message = str(caught.value)
    assert message.startswith(site.base + path + ": ") and "\n" not in message
    assert reason in message


def test_connection_refused_is_one_line() -> None:
    with pytest.raises(ListError, match=r"^http://127\.0\.0\.1:9/x\.md: "):
        fetch_list("http://127.0.0.1:9/x.md", timeout=2)


# the commands ----------------------------------------------------------------------------
def test_import_url_keeps_the_copy_and_the_url(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.put("/reading.md", LIST_V1)
    code, out, err = run(capsys, "import", url)
    assert code == 0, err
    assert out.startswith(f"imported {url}: OSDI 2024, NSDI 2023: 2 papers: 2 new")
    names = _list_names(capsys)
    assert names["127.0.0.1-reading"] == url
    code, out, _ = run(capsys, "list", "--format", "json", "--search", "First Paper")
    [paper] = json.loads(out)
    assert (paper["venue"], paper["source"], paper["line"]) == ("OSDI 2024", "reading.md", 3)


def test_import_url_dry_run_prints_the_papers(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    url = site.put("/reading.md", LIST_V1)
    code, out, _ = run(capsys, "import", url, "--dry-run", "--format", "json")
    assert code == 0
    assert [p["title"] for p in json.loads(out)] == [
        "First Paper About Things",
        "Second Paper About Stuff",
    ]
    assert "127.0.0.1-reading" not in _list_names(capsys)


def test_update_reports_what_changed(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.put("/reading.md", LIST_V1)
    assert run(capsys, "import", url)[0] == 0
    code, out, _ = run(capsys, "update")
    assert code == 0
    assert out == f"127.0.0.1-reading: unchanged at {url}\n"
    site.put("/reading.md", LIST_V2)
    code, out, _ = run(capsys, "update", "127.0.0.1-reading")
    assert code == 0
    assert out.startswith(f"updated {url}: OSDI 2024, NSDI 2023, SOSP 2024: 3 papers: 1 new")
    code, out, _ = run(capsys, "list", "--format", "json", "--search", "Third Paper")
    assert len(json.loads(out)) == 1


def test_update_json_says_what_import_json_says(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """A script reads renames, joins and skips of an update as it reads an import's."""
    url = site.put("/reading.md", LIST_V1)
    assert run(capsys, "import", url)[0] == 0
    renamed = LIST_V2.replace("First Paper About Things", "First Paper About Many Things")
    site.put("/reading.md", renamed + "- [a tool](https://github.com/o/tool)\n")
    code, out, _ = run(capsys, "update", "--format", "json")
    assert code == 0
    (record,) = json.loads(out)
    assert record["changed"] is True and record["error"] is None
    assert (record["new"], record["joined"], record["found"]) == (1, 1, 3)
    assert record["renamed"] == [["First Paper About Things", "First Paper About Many Things"]]
    assert record["skipped"] and record["venues"] == ["OSDI 2024", "NSDI 2023", "SOSP 2024"]
    code, out, _ = run(capsys, "update", "--format", "json")
    assert json.loads(out)[0]["changed"] is False


def test_network_error_changes_nothing(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    url = site.put("/reading.md", LIST_V1)
    assert run(capsys, "import", url)[0] == 0
    before = run(capsys, "list", "--format", "json")[1]
    del site.pages["/reading.md"]
    code, out, err = run(capsys, "update")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"papershelf: {url}: HTTP 404 Not Found; 127.0.0.1-reading kept as it was",
        "papershelf: 1 of 1 list could not be updated",
    ]
    assert run(capsys, "list", "--format", "json")[1] == before
    code, _, err = run(capsys, "import", site.base + "/gone.md")
    assert code == 2 and "HTTP 404" in err


def test_a_url_that_cannot_be_fetched_says_the_files_beside_it_were_not_imported(
    site: Site, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It named the URL alone: the file beside it seemed imported, as beside a bad file."""
    local = tmp_path / "local.md"
    local.write_text(LIST_V1)
    gone = site.base + "/gone.md"
    code, out, err = run(capsys, "import", str(local), gone)
    assert (code, out) == (2, "")
    assert err == (
        f"papershelf: {gone}: HTTP 404 Not Found; nothing was imported, not the other list either\n"
    )
    assert "local" not in _list_names(capsys)


def test_update_refuses_a_file_list(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "update", "no-such-list")
    assert code == 2 and "no list 'no-such-list'" in err
    code, out, err = run(capsys, "update")
    assert code == 0 and out == "" and err.startswith("no list follows a URL")


def test_a_fetched_page_with_no_papers_is_skipped_like_a_file(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    prose = site.put("/notes.md", "# Notes\n\nJust prose.\n")
    good = site.put("/reading.md", LIST_V1)
    local = tmp_path / "local.md"
    local.write_text(LIST_V2)
    code, out, err = run(capsys, "import", prose, good, str(local))
    assert code == 2
    assert [line.split(": ")[0] for line in out.splitlines()] == [
        f"imported {good}",
        f"imported {local}",
    ]
    first, summary = err.splitlines()
    assert first.startswith(f"papershelf: {prose}: no papers found")
    assert summary == "papershelf: 1 of 3 files could not be imported; the other 2 were imported"
    assert "127.0.0.1-reading" in _list_names(capsys)


def test_update_skips_a_page_that_no_longer_lists_papers(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    """One followed page turned to prose: it is kept as it was, the others are updated."""
    gone = site.put("/reading.md", LIST_V1)
    other = site.put("/other.md", LIST_V1.replace("Paper", "Study"))
    assert run(capsys, "import", gone, other)[0] == 0
    site.put("/reading.md", "# Moved\n\nThis list now lives elsewhere.\n")
    site.put("/other.md", LIST_V2.replace("Paper", "Study"))
    code, out, err = run(capsys, "update")
    assert code == 2
    assert out.startswith(f"updated {other}:")
    first, last = err.splitlines()
    assert first.startswith(f"papershelf: {gone}: ") and "kept as it was" in first
    assert last == "papershelf: 1 of 2 lists could not be updated"
    code, out, _ = run(capsys, "list", "--format", "json", "--search", "First Paper")
    assert len(json.loads(out)) == 1  # the prose page's list still holds its papers
    code, out, _ = run(capsys, "list", "--format", "json", "--search", "Third Study")
    assert len(json.loads(out)) == 1


def test_a_page_gone_does_not_stop_the_other_updates(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = site.put("/reading.md", LIST_V1)
    other = site.put("/other.md", LIST_V1.replace("Paper", "Study"))
    assert run(capsys, "import", gone, other)[0] == 0
    del site.pages["/reading.md"]
    site.put("/other.md", LIST_V2.replace("Paper", "Study"))
    code, out, err = run(capsys, "update")
    assert code == 2 and out.startswith(f"updated {other}:")
    assert err.splitlines() == [
        f"papershelf: {gone}: HTTP 404 Not Found; 127.0.0.1-reading kept as it was",
        "papershelf: 1 of 2 lists could not be updated",
    ]
    code, out, _ = run(capsys, "list", "--format", "json", "--search", "Third Study")
    assert len(json.loads(out)) == 1


def test_a_list_forgotten_while_it_was_fetched_stays_forgotten(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    from papershelf.paths import resolve_paths
    from papershelf.services.library import Library
    from papershelf.services.url_lists import fetch_followed, import_followed

    url = site.put("/reading.md", LIST_V1)
    assert run(capsys, "import", url)[0] == 0
    site.put("/reading.md", LIST_V2)
    library = Library(resolve_paths(None))
    fetched = fetch_followed(library, [])  # the library is not held while it fetches
    assert run(capsys, "forget", "127.0.0.1-reading")[0] == 0  # meanwhile, elsewhere
    (report,) = import_followed(Library(resolve_paths(None)), fetched, dry_run=False)
    assert report.report is None and report.error == f"{url}: forgotten while it was fetched"
    code, out, _ = run(capsys, "lists", "--format", "json")
    assert code == 0 and "127.0.0.1-reading" not in out


def test_the_apps_url_imports_and_updates_parse_in_its_child(site: Site, tmp_path: Path) -> None:
    """A big list fetched from the app would hold its screen while parsed in its process."""
    from papershelf.paths import Paths
    from papershelf.services import url_lists
    from papershelf.services.library import Library
    from papershelf.services.parse_child import ChildParser

    url = site.put("/reading.md", LIST_V1)
    parser = ChildParser()
    library = Library(Paths(tmp_path / "app"), parse=parser)
    library.load_catalog()
    there = parser.parsed_there
    batch = url_lists.import_urls(library, [url], venue=None, dry_run=False)
    assert parser.parsed_there == there + 1 and parser.parsed_here == 0
    assert parser.pid is None  # ended after the import, as after a file's
    site.put("/reading.md", LIST_V2)
    (update,) = url_lists.update_lists(library, [], dry_run=False)
    assert parser.parsed_there == there + 2 and parser.parsed_here == 0 and parser.pid is None
    assert update.report is not None and update.report.new == 1
    plain = Library(Paths(tmp_path / "plain"))
    site.put("/reading.md", LIST_V1)
    alone = url_lists.import_urls(plain, [url], venue=None, dry_run=False)
    assert [r.papers for r in batch.reports] == [r.papers for r in alone.reports]
