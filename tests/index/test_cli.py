"""The `timtin` command line as other tools call it: a contract of arguments and JSON shapes.

Runs the real console entry point in a subprocess against an index in `tmp_path`.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import LUONG_CUONG, MOSCOW_VISIT, REPO, cli_env, run_cli
from tests.index.text.formats.office_files import write_docx, write_odt, write_rtf
from tests.index.text.formats.pdf_files import write_pdf, write_scanned_pdf
from tests.index.text.formats.web_files import (
    ARTICLE,
    write_article_epub,
    write_markdown,
    write_news_page,
)


def timtin(
    *args: str, stdin: str = "", env_index: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, stdin=stdin, env_index=env_index)


@pytest.fixture(scope="module")
def cli_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("cli") / "index"
    done = timtin("index", "--index-dir", str(index_dir))
    assert done.returncode == 0, done.stderr
    assert "2 added" in done.stdout
    return index_dir


def test_index_reports_a_summary_and_skipped_files_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Tốt\nHà Nội\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    done = timtin("index", str(tmp_path), "--index-dir", str(tmp_path / "idx"))
    assert done.returncode == 0
    assert "1 added, 0 updated, 0 removed, 0 unchanged, 1 skipped" in done.stdout
    assert "bad.txt" in done.stderr and "binary" in done.stderr


def test_search_prints_readable_results(cli_index: Path) -> None:
    done = timtin("search", "chu tich nuoc", "--index-dir", str(cli_index))
    assert done.returncode == 0, done.stderr
    assert "**Chủ tịch nước**" in done.stdout
    assert str(LUONG_CUONG) in done.stdout.split("\n1. ")[1]


def test_search_json_contract(cli_index: Path) -> None:
    done = timtin("search", "dak lak", "--json", "--index-dir", str(cli_index))
    payload = json.loads(done.stdout)
    assert {"query", "total", "took_ms", "hits"} <= set(payload)
    assert payload["query"] == "dak lak" and payload["total"] == 1
    hit = payload["hits"][0]
    assert set(hit) == {"path", "title", "date", "score", "snippet", "matches"}
    assert Path(hit["path"]) == MOSCOW_VISIT
    text = MOSCOW_VISIT.read_text(encoding="utf-8")
    assert [text[start:end] for start, end in hit["matches"]] == ["Đắk Lắk", "Đắk Lắk"]


def test_index_dir_from_environment(cli_index: Path) -> None:
    done = timtin("search", "Lương Cường", "--json", env_index=cli_index)
    assert json.loads(done.stdout)["total"] == 1


def test_batch_answers_one_json_line_per_query(cli_index: Path) -> None:
    queries = 'chu tich nuoc\n\ndak lak\n"unclosed\n'
    done = timtin("search", "--batch", "--limit", "1", "--index-dir", str(cli_index), stdin=queries)
    lines = done.stdout.strip("\n").split("\n")
    assert len(lines) == 4
    answers = [json.loads(line) for line in lines]
    assert [a["query"] for a in answers] == ["chu tich nuoc", "", "dak lak", '"unclosed']
    assert answers[1]["total"] == 0
    assert all(len(a["hits"]) <= 1 for a in answers)
    assert Path(answers[2]["hits"][0]["path"]) == MOSCOW_VISIT


def test_limit_and_exact_flags(cli_index: Path) -> None:
    loose = json.loads(
        timtin("search", "nga", "--json", "--limit", "1", "--index-dir", str(cli_index)).stdout
    )
    assert loose["total"] == 2 and len(loose["hits"]) == 1
    accented = json.loads(timtin("search", "Ngà", "--json", "--index-dir", str(cli_index)).stdout)
    assert accented["total"] == 2  # accents rank, they do not filter
    exact = json.loads(
        timtin("search", "Ngà", "--exact", "--json", "--index-dir", str(cli_index)).stdout
    )
    assert exact["total"] == 0  # the seeds say `Nga`, never `Ngà`


def test_version() -> None:
    done = timtin("--version")
    assert done.returncode == 0 and done.stdout.startswith("timtin ")


def test_cli_does_not_import_qt(cli_index: Path) -> None:
    probe = (
        "import sys; from desktop.launch import main; "
        f"main(['search', 'nga', '--index-dir', {str(cli_index)!r}]); "
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env=cli_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_watch_keeps_the_index_up_to_date_until_interrupted(tmp_path: Path) -> None:
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A\nHà Nội\n", encoding="utf-8")
    command = ["watch", str(corpus), "--index-dir", str(index_dir)]
    watch = subprocess.Popen(
        [sys.executable, "-m", "desktop.launch", *command],
        cwd=REPO,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert watch.stdout is not None
        first = watch.stdout.readline()
        assert first.startswith("rescanned 1 folder(s) (start): 1 added"), first
        saved = time.monotonic()
        (corpus / "b.txt").write_text("B\nThành phố Đà Nẵng\n", encoding="utf-8")
        search = ["search", "da nang", "--json", "--index-dir", str(index_dir)]
        while True:
            found = timtin(*search)
            assert found.returncode == 0, found.stderr
            if json.loads(found.stdout)["total"] == 1:
                break
            assert time.monotonic() - saved < 5.0, "not searchable within 5 s"
            time.sleep(0.1)
        print(f"saved -> found by `timtin search`: {time.monotonic() - saved:.2f} s")
        assert watch.stdout.readline() == f"updated 1, removed 0: {corpus / 'b.txt'}\n"
        watch.send_signal(signal.SIGINT)
        _, stderr = watch.communicate(timeout=10)
    finally:
        watch.kill()
    assert watch.returncode == 0, stderr
    assert "Stopped watching: what was indexed is kept." in stderr


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("cli-filters")
    corpus = root / "corpus"
    for name, text in {
        "tin/old.txt": "Tin cũ\n01/02/2019\nKinh tế.\n",
        "tin/sep.txt": "Tin tháng chín\n15/09/2025\nKinh tế.\n",
        "bao cao/oct.txt": "Tin tháng mười\n20/10/2025\nKinh tế.\n",
        "none.txt": "Không ngày\nKinh tế.\n",
    }.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    done = timtin("index", str(corpus), "--index-dir", str(root / "index"))
    assert done.returncode == 0, done.stderr
    return root / "index", corpus


def search_json(index_dir: Path, *args: str) -> dict[str, object]:
    found = timtin("search", *args, "--json", "--index-dir", str(index_dir))
    assert found.returncode == 0, found.stderr
    result: dict[str, object] = json.loads(found.stdout)
    return result


def hit_names(result: dict[str, object]) -> list[str]:
    hits = result["hits"]
    assert isinstance(hits, list)
    return [Path(hit["path"]).name for hit in hits]


def test_filter_flags_mean_what_the_query_fields_mean(dated_index: tuple[Path, Path]) -> None:
    index_dir, corpus = dated_index
    flags = search_json(index_dir, "kinh te", "--after", "2025-09", "--before", "2025-10")
    fields = search_json(index_dir, "kinh te date:2025-09..2025-10")
    assert flags["total"] == fields["total"] == 2
    assert hit_names(flags) == hit_names(fields)
    folder = search_json(index_dir, "kinh te", "--folder", str(corpus / "tin"), "--type", "txt")
    assert sorted(hit_names(folder)) == ["old.txt", "sep.txt"]
    assert search_json(index_dir, "kinh te", "--type", "pdf,docx")["total"] == 0
    year = search_json(index_dir, "kinh te", "--after", "2025", "--sort", "oldest")
    assert hit_names(year) == ["sep.txt", "oct.txt"]


@pytest.mark.parametrize(
    ("sort", "first"), [("newest", "oct.txt"), ("date", "oct.txt"), ("name", "none.txt")]
)
def test_sort_choices(dated_index: tuple[Path, Path], sort: str, first: str) -> None:
    assert hit_names(search_json(dated_index[0], "kinh te", "--sort", sort))[0] == first


@pytest.mark.parametrize(
    ("flag", "value"), [("--after", "hôm qua"), ("--before", "2025-13"), ("--type", "p d f")]
)
def test_a_bad_filter_flag_is_a_usage_error(flag: str, value: str) -> None:
    done = timtin("search", "kinh", flag, value)
    assert done.returncode == 2 and "not a" in done.stderr


# --- every file type: `timtin text`, pages, skipped files -----------------------------------

COVER_PAGE = "Báo cáo tổng hợp\nTrang bìa: tài liệu lưu hành nội bộ, không trích dẫn."
ARTICLE_QUERY = "thanh phu"  # the article's "huyện Thạnh Phú", once
# File name -> why `timtin index` skips it.
UNREADABLE = {
    "khoa.pdf": "encrypted",
    "hong.docx": "damaged",
    "scan.pdf": "scanned, no text",
}


def write_mixed_folder(folder: Path) -> dict[str, Path]:
    """The same article in every file type the indexer reads (the PDF's on its second page,
    the HTML a saved news page with its `_files/` folder), and three files it must skip.

    Returns the readable files by kind."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "txt": folder / "bai.txt",
        "pdf": write_pdf(folder / "bai.pdf", [COVER_PAGE, ARTICLE]),
        "docx": write_docx(folder / "bai.docx", ARTICLE),
        "odt": write_odt(folder / "bai.odt", ARTICLE),
        "rtf": write_rtf(folder / "bai.rtf", ARTICLE),
        "html": write_news_page(folder / "bai.html", ARTICLE, with_files_folder=True),
        "epub": write_article_epub(folder / "bai.epub", ARTICLE),
        "md": write_markdown(folder / "bai.md", ARTICLE),
    }
    files["txt"].write_text(ARTICLE, encoding="utf-8")
    write_pdf(folder / "khoa.pdf", [ARTICLE], encrypt_password="mat-khau")
    whole = write_docx(folder / "hong.docx", ARTICLE).read_bytes()
    (folder / "hong.docx").write_bytes(whole[: len(whole) // 2])  # a download cut short
    write_scanned_pdf(folder / "scan.pdf")
    return files


@pytest.fixture(scope="module")
def mixed_index(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Path], Path, subprocess.CompletedProcess[str]]:
    root = tmp_path_factory.mktemp("cli-formats")
    files = write_mixed_folder(root / "kho")
    done = timtin("index", str(root / "kho"), "--index-dir", str(root / "index"))
    assert done.returncode == 0, done.stderr
    return files, root / "index", done


def text_json(path: Path) -> dict[str, object]:
    done = timtin("text", str(path), "--json")
    assert done.returncode == 0, done.stderr
    payload: dict[str, object] = json.loads(done.stdout)
    return payload


def test_a_mixed_folder_is_indexed_and_the_unreadable_files_say_why(
    mixed_index: tuple[dict[str, Path], Path, subprocess.CompletedProcess[str]],
) -> None:
    files, _, done = mixed_index
    # The saved page's `_files/` folder (a page and a note of its own) is part of the page.
    assert f"{len(files)} added, 0 updated, 0 removed, 0 unchanged, 3 skipped" in done.stdout
    skipped = [line for line in done.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == 3
    for name, reason in UNREADABLE.items():
        line = next(line for line in skipped if f"{name}: " in line)
        assert reason in line.partition(f"{name}: ")[2], line


def test_the_same_query_finds_the_article_in_every_format_at_the_words_text_prints(
    mixed_index: tuple[dict[str, Path], Path, subprocess.CompletedProcess[str]],
) -> None:
    files, index_dir, _ = mixed_index
    found = search_json(index_dir, ARTICLE_QUERY, "--limit", "20")
    hits = found["hits"]
    assert isinstance(hits, list)
    assert sorted(Path(hit["path"]) for hit in hits) == sorted(files.values())
    for hit in hits:
        shown = text_json(Path(hit["path"]))
        assert shown["path"] == hit["path"] and shown["title"] == hit["title"]
        text = shown["text"]
        assert isinstance(text, str)
        assert [text[start:end] for start, end in hit["matches"]] == ["Thạnh Phú"], shown["kind"]
    kinds = {Path(hit["path"]).suffix.lstrip("."): text_json(Path(hit["path"])) for hit in hits}
    assert {kind: payload["kind"] for kind, payload in kinds.items()} == {k: k for k in files}


def test_a_pdf_hit_names_the_page_of_its_match_and_text_the_page_starts(
    mixed_index: tuple[dict[str, Path], Path, subprocess.CompletedProcess[str]],
) -> None:
    files, index_dir, _ = mixed_index
    hits = search_json(index_dir, ARTICLE_QUERY, "--type", "pdf")["hits"]
    assert isinstance(hits, list) and len(hits) == 1
    assert hits[0]["pages"] == [2]
    shown = text_json(files["pdf"])
    text, pages = shown["text"], shown["pages"]
    assert isinstance(text, str) and isinstance(pages, list)
    assert [page["page"] for page in pages] == [1, 2]
    second = pages[1]["start"]
    assert text[second:].startswith(ARTICLE.partition("\n")[0])
    assert second <= hits[0]["matches"][0][0]
    assert text[:second].startswith(COVER_PAGE.partition("\n")[0])
    # Unpaged formats have no page starts, and their hits no pages.
    assert "pages" not in text_json(files["docx"])
    docx_hit = search_json(index_dir, ARTICLE_QUERY, "--type", "docx")["hits"]
    assert isinstance(docx_hit, list) and "pages" not in docx_hit[0]


def test_text_prints_exactly_the_indexed_text(
    mixed_index: tuple[dict[str, Path], Path, subprocess.CompletedProcess[str]],
) -> None:
    files, _, _ = mixed_index
    plain = timtin("text", str(files["html"]))
    assert plain.returncode == 0, plain.stderr
    shown = text_json(files["html"])
    assert plain.stdout == shown["text"]
    assert shown["kind"] == "html" and shown["encoding"] == "html+utf-8"
    assert shown["date"] == "02/04/2024" and "Tin đọc nhiều" not in plain.stdout


@pytest.mark.parametrize("name", sorted(UNREADABLE))
def test_text_of_an_unreadable_file_is_an_error_with_the_reason(
    mixed_index: tuple[dict[str, Path], Path, subprocess.CompletedProcess[str]], name: str
) -> None:
    path = mixed_index[0]["txt"].parent / name
    done = timtin("text", str(path), "--json")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith(f"timtin: cannot read {path}: ")
    assert UNREADABLE[name] in done.stderr


def test_text_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    done = timtin("text", str(tmp_path / "khong-co.pdf"))
    assert done.returncode == 1
    assert (
        done.stderr
        == f"timtin: cannot read {tmp_path / 'khong-co.pdf'}: No such file or directory\n"
    )
