"""Starting the app, and importing a question file, load no library only a few pages need."""

import json
import subprocess
import sys

HEAVY = ("spacy", "inflect", "wordfreq", "rapidfuzz", "trafilatura")

SCRIPT = """
import json, sys
from quizapp import create_app
from quizapp.extensions import db
from quizapp import formats
from quizapp.formats.store import import_questions
from quizapp.question_banks import create_bank

app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://",
                  "JOBS_BROKER_URL": "memory://", "RATELIMIT_STORAGE_URI": "memory://"})
loaded = {"start": sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)}
with app.app_context():
    db.create_all()
    result = formats.read(b"::Q::Name it. {=Mastcam =%50%camera}\\n\\nTwo? {#2:0.5}\\n", "auto")
    import_questions(create_bank("heavy", None, slug="heavy"), result.questions, None)
    db.session.commit()
loaded["import"] = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
print(json.dumps(loaded))
"""


def test_start_up_and_a_question_import_leave_the_heavy_libraries_unloaded(tmp_path):
    script = f"HEAVY = {HEAVY!r}\n{SCRIPT}"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded == {"start": [], "import": []}


def test_the_server_loads_the_grading_word_lists_before_it_forks_its_workers(tmp_path):
    script = (
        "import json, sys\n"
        "from quizapp import serving\n"
        "serving.on_starting(None)\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert {"inflect", "wordfreq", "rapidfuzz"} <= loaded


def test_a_served_worker_says_it_is_ready_once_it_has_the_word_lists():
    from types import SimpleNamespace
    from unittest import mock

    from quizapp import serving

    worker = SimpleNamespace(pid=4321, log=mock.Mock())
    serving.post_worker_init(worker)
    worker.log.info.assert_called_once_with(serving.READY_MESSAGE, 4321)
