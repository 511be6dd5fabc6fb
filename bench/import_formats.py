"""Import a generated 10,000-question GIFT file and a 10,000-row CSV through the command line.

Each file is imported by ``flask --app quizapp questions import`` in a child
process, into a fresh SQLite database made with ``flask db upgrade``; the
script prints, per file, its size, the wall-clock and CPU seconds and that
child's own peak resident memory, beside the same for a command that only
starts the app (``flask questions --help``), and the load average, as JSON.
Target: under 10 s each, memory growing with the parsed questions only.

    .venv/bin/python bench/import_formats.py [--questions 10000]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLASK = str(Path(sys.executable).with_name("flask"))


def gift_text(count: int) -> str:
    """``count`` questions cycling through the GIFT types, weights and feedback included."""
    blocks = []
    for n in range(count):
        kind = n % 5
        if kind == 0:
            blocks.append(f"::Q{n}::Which option is right for item {n}? "
                          f"{{=right {n}#Yes ~%50%half {n}#Half ~wrong {n}#No}}")  # fmt: skip
        elif kind == 1:
            blocks.append(f"::Q{n}::Pick both for item {n}. "
                          f"{{~%50%a{n} ~%50%b{n} ~%-100%c{n}}}")  # fmt: skip
        elif kind == 2:
            blocks.append(f"::Q{n}::Item {n} is true.{{T#Wrong#Right}}")
        elif kind == 3:
            blocks.append(f"::Q{n}::How much is {n} plus one? {{#{n + 1}:0.5}}")
        else:
            blocks.append(f"::Q{n}::Name item {n}. {{=item {n} =%50%thing {n}}}")
    return "\n\n".join(blocks) + "\n"


def csv_text(count: int) -> str:
    rows = ["type,prompt,options,correct,weights,tolerance,feedback,topic"]
    for n in range(count):
        if n % 2:
            rows.append(f"mcq,Which is right for row {n}?,right {n}|wrong {n}|half {n},"
                        f"right {n},100|0|50,,yes|no|half,bench")  # fmt: skip
        else:
            rows.append(f"numeric,How much is {n} plus one?,,{n + 1},,0.5,,bench")
    return "\n".join(rows) + "\n"


def run(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run a flask command; return its wall and CPU seconds and its own peak RSS (KB)."""
    started = time.perf_counter()
    child = subprocess.Popen([FLASK, "--app", "quizapp", *args], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, args)
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=int, default=10_000)
    options = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QUIZAPP_SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db",
               "QUIZAPP_SECRET_KEY": "bench", "QUIZAPP_JOBS_IN_PROCESS": "false"}  # fmt: skip
        run(["db", "upgrade"], env)
        seconds, cpu, peak_kb = run(["questions", "--help"], env)
        results["start"] = {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
                            "peak_rss_mb": round(peak_kb / 1024, 1)}  # fmt: skip
        files = {"gift": gift_text(options.questions), "csv": csv_text(options.questions)}
        for fmt, text in files.items():
            path = Path(tmp) / f"bench.{fmt}"
            path.write_text(text, encoding="utf-8")
            seconds, cpu, peak_kb = run(
                ["questions", "import", str(path), "--bank", f"bench-{fmt}"], env
            )
            results[fmt] = {
                "questions": options.questions,
                "bytes": path.stat().st_size,
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
                "peak_rss_mb": round(peak_kb / 1024, 1),
            }
    results["load_average"] = [round(load, 2) for load in os.getloadavg()]
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
