"""quizapp: a self-hosted quiz web app for classrooms."""

import os
import secrets
from importlib import resources
from pathlib import Path

from flask import Flask, current_app, send_from_directory
from werkzeug.middleware.proxy_fix import ProxyFix

from quizapp import converters
from quizapp.config import DefaultConfig
from quizapp.extensions import csrf, db, limiter, login_manager, migrate


def create_app(test_config: dict | None = None) -> Flask:
    """Build the application: defaults, then ``instance/config.py``, then ``QUIZAPP_*``."""
    app = Flask(__name__, instance_relative_config=True)
    converters.register(app)
    app.config.from_object(DefaultConfig)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + os.path.join(
        app.instance_path, "quizapp.db"
    )
    app.config["SEED_DIR"] = str(package_data("seed"))
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("QUIZAPP")
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("RATELIMIT_STORAGE_URI"):
        limits_file = Path(app.instance_path) / "ratelimits.sqlite3"
        app.config["RATELIMIT_STORAGE_URI"] = f"sqlite:///{limits_file}"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(Path(app.instance_path))
    if app.config["TRUSTED_PROXIES"]:
        # Behind a reverse proxy: take the client's address and scheme from its headers.
        proxies = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    from quizapp import database

    database.configure_engine_options(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(package_data("migrations")))
    login_manager.init_app(app)
    csrf.init_app(app)
    import quizapp.ratelimits  # noqa: F401 - registers the sqlite:// limit storage

    limiter.init_app(app)

    from flask_bootstrap import Bootstrap5

    Bootstrap5(app)

    from quizapp import errors, jobs, page_assets, security
    from quizapp.admin import bp as admin_bp
    from quizapp.auth import bp as auth_bp
    from quizapp.commands import register_commands
    from quizapp.quiz import bp as quiz_bp
    from quizapp.teach import bp as teach_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(quiz_bp)
    app.register_blueprint(teach_bp)
    app.register_blueprint(admin_bp)
    errors.register(app)
    security.register(app)
    page_assets.register(app)
    register_commands(app)
    jobs.init_app(app)
    app.add_url_rule("/favicon.ico", "favicon", _favicon)
    return app


def _favicon():
    """The site icon at the address browsers ask for when a page names none."""
    return send_from_directory(
        Path(current_app.static_folder) / "img", "favicon.ico", mimetype="image/vnd.microsoft.icon"
    )


def _instance_secret_key(instance: Path) -> str:
    """Return the secret key kept in the instance folder, creating it on first use."""
    path = instance / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def package_data(name: str) -> Path:
    """A folder shipped in the package (``seed``, ``migrations``), from a wheel or a checkout."""
    return Path(str(resources.files(__name__).joinpath(name)))
