"""Corpus similarity (the shingle index behind ``matrix``) and the ``align`` / ``matrix`` commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.core.alignment.align import Cancelled, align_texts, profile_text
from viewer.core.corpus.candidates import candidate_pairs
from viewer.core.corpus.similarity import similarity_matrix
from viewer.core.loading.articles import bundled_seeds_dir, load_article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = bundled_seeds_dir()
DATA = Path(__file__).parent / "data" / "align"


def _texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt")) + [DATA / "source.txt", DATA / "reuse.txt"]
    return [load_article(p).text for p in paths]


def test_matrix_is_symmetric_equals_align_and_skips_pairs_without_shingles():
    texts = _texts()
    matrix = similarity_matrix(texts)
    pairs = set(candidate_pairs([profile_text(t) for t in texts]))
    for i, row in enumerate(matrix):
        assert row[i] == 1.0
        for j in range(i + 1, len(texts)):
            assert matrix[i][j] == matrix[j][i]
            assert matrix[i][j] == align_texts(texts[i], texts[j]).similarity
            if (i, j) not in pairs:
                assert matrix[i][j] == 0.0
    # News seeds share passages with each other, never with the BBC sample.
    assert matrix[0][1] > 0.1
    assert matrix[0][5] == 0.0
    assert matrix[5][6] > 0.05


def test_matrix_reports_progress_and_cancels():
    texts = _texts()
    seen: list[tuple[int, int]] = []
    similarity_matrix(texts, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert all(done <= total for done, total in seen)
    with pytest.raises(Cancelled):
        similarity_matrix(texts, cancelled=lambda: True)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "viewer", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env={**os.environ})


def test_align_command_json(capsys):
    a, b = sorted(SEEDS.glob("00[01]_*.txt"))
    assert main(["align", str(a), str(b), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    text_a, text_b = load_article(a).text, load_article(b).text
    assert result["a"] == {"path": str(a), "title": load_article(a).title, "chars": len(text_a)}
    assert result["b"]["chars"] == len(text_b)
    assert result["passages"]
    for p in result["passages"]:
        assert p["a_text"] == text_a[p["a_start"] : p["a_end"]]
        assert p["b_text"] == text_b[p["b_start"] : p["b_end"]]
    assert result["similarity"] == align_texts(text_a, text_b).similarity


def test_matrix_command_json(capsys):
    assert main(["matrix", str(SEEDS), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    names = [Path(a["path"]).name for a in result["articles"]]
    assert names == sorted(p.name for p in SEEDS.glob("*.txt"))
    size = len(names)
    assert len(result["similarity"]) == size and all(len(row) == size for row in result["similarity"])
    assert all(result["similarity"][i][i] == 1.0 for i in range(size))


def test_missing_file_is_one_line_exit_2(tmp_path):
    seed = next(SEEDS.glob("*.txt"))
    result = _run("align", str(seed), str(tmp_path / "gone.txt"), "--json")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"article-viewer: {tmp_path / 'gone.txt'}: no such file or folder"]
    assert result.stdout == ""


def test_binary_file_is_one_line_exit_2(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    for args in (("align", str(binary), str(next(SEEDS.glob("*.txt")))), ("matrix", str(binary), "--json")):
        result = _run(*args)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(binary) in lines[0]


def test_bad_setting_is_one_line_exit_2(capsys):
    seed = str(next(SEEDS.glob("*.txt")))
    assert main(["align", seed, seed, "--min-match", "1.5"]) == 2
    assert "--min-match" in capsys.readouterr().err
