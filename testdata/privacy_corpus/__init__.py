"""The privacy guard's corpus: refuse.txt (<kind><TAB><phrase>) and pass.txt (one sentence a line); lines
starting with # are comments. Read by the tests and by bench/privacy_bench.py."""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def _lines(name: str) -> list[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def phrases_to_refuse() -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in _lines("refuse.txt")]


def ordinary_sentences() -> list[str]:
    return _lines("pass.txt")
