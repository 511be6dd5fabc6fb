"""quizapp installs and runs from a built wheel, away from any source checkout."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("quizapp-*.whl")
    return built


def test_the_wheel_carries_the_seed_and_the_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("seed/banks", "seed/articles", "migrations/versions"):
        shipped = {name for name in names if name.startswith(f"quizapp/{folder}/")}
        expected = {
            p.name for p in (ROOT / folder).iterdir() if p.suffix in {".json", ".txt", ".py"}
        }
        assert {Path(name).name for name in shipped} >= expected
    assert "quizapp/seed/quizzes.toml" in names
    assert "quizapp/migrations/env.py" in names


def test_an_installed_wheel_migrates_and_loads_the_seed_outside_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {
        "PYTHONPATH": str(site),
        "PATH": str(Path(sys.executable).parent),
        "QUIZAPP_SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'installed.db'}",
        "QUIZAPP_SECRET_KEY": "installed-wheel-test",
    }

    def flask(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "quizapp", *args],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    where = subprocess.run(
        [sys.executable, "-c", "import quizapp; print(quizapp.__file__)"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(site))
    flask("db", "upgrade")
    loaded = flask("seed", "load")
    assert "quiz" in loaded.lower()
