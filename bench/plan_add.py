"""Benchmark: read documents in each format, and add + remove a plan on copies of the data.

Reading is timed per format on the longest shipped plan (as UTF-8, GB18030,
UTF-16, Big5, .docx, .html; .pdf when the CJK font of `make test` is there).
`add` and `remove` run as the command line does, in a subprocess pointed at
temporary copies (PLANMAP_PLANS_DIR, PLANMAP_LAYERS, PLANMAP_GAZETTEER_DIR), so
the repository's data never changes. Prints one JSON object.
"""

from __future__ import annotations

import csv
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


from geo.settings import ROOT
from layers.documents import read_document_bytes
from layers.settings import PLANS_DIR
from testkit.curation import copy_gazetteer
from testkit.plans import HAISHU_PRESS, copy_plans, plans_env

RUNS = 3
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def main() -> None:
    text = max((p.read_text(encoding="utf-8") for p in PLANS_DIR.glob("*.txt")), key=len)
    samples = _samples(text)
    reading = {}
    for name, raw in samples.items():
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            read_document_bytes(raw, name=name)
            timings.append(time.perf_counter() - started)
        reading[name] = round(statistics.median(timings), 4)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {**os.environ, **plans_env(copy_plans(root / "plans"), root / "planmap.gpkg",
                                         copy_gazetteer(root / "gazetteer"))}
        _run(env, "build")
        started = time.perf_counter()
        _run(env, "add", str(HAISHU_PRESS), "--district", "海曙区")
        add_s = time.perf_counter() - started
        with (root / "plans" / "catalog.csv").open(encoding="utf-8") as f:
            doc_id = list(csv.DictReader(f))[-1]["id"]
        started = time.perf_counter()
        _run(env, "remove", doc_id)
        remove_s = time.perf_counter() - started
    print(json.dumps({"name": "plan_add", "chars": len(text), "read_s": reading,
                      "add_cli_s": round(add_s, 2), "remove_cli_s": round(remove_s, 2)}, ensure_ascii=False))


def _samples(text: str) -> dict[str, bytes]:
    import docx
    import opencc

    out = {f"plan-{enc}.txt": text.encode(enc) for enc in ("utf-8", "gb18030", "utf-16-le")}
    out["plan-big5.txt"] = opencc.OpenCC("s2tw").convert(text).encode("big5", errors="replace")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    out["plan.docx"] = buffer.getvalue()
    out["plan.html"] = ("<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines())
                        + "</body></html>").encode("utf-8")
    if FONT.exists():
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.add_font("wqy", fname=str(FONT), collection_font_number=0)
        pdf.set_font("wqy", size=10)
        for line in text.splitlines()[:400]:
            pdf.multi_cell(0, 6, line.replace("\t", " "), new_x="LMARGIN", new_y="NEXT")
        out["plan-400-lines.pdf"] = bytes(pdf.output())
    return out


def _run(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "-m", "layers", *args], cwd=ROOT, env=env, check=True,
                   capture_output=True, text=True)


if __name__ == "__main__":
    main()
