"""Opening a workspace database (SQLite file or PostgreSQL server) and its transactions.

One interface for both: :class:`Workspace` hands out connections inside transactions; the
other modules of the package only use SQLAlchemy Core on them. SQLite runs in WAL mode (readers
never wait for a writer) and every write transaction starts with ``BEGIN IMMEDIATE``, so that
two writers queue instead of failing half-way; PostgreSQL uses row locks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Integer, Text, cast, create_engine, event, inspect, select, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from workspace.tables import EVENT_TABLES, MIGRATIONS, SCHEMA_VERSION, meta

#: The workspace ``make run`` and the dashboard open when none is named.
DEFAULT_WORKSPACE = Path(__file__).resolve().parent.parent / "data" / "workspace.sqlite"
#: Environment variable naming the workspace when no ``--workspace`` option is given.
WORKSPACE_ENV = "EVENTLINE_WORKSPACE"
#: How long a SQLite writer waits for another one before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 30_000


class WorkspaceError(Exception):
    """A workspace that cannot be opened or changed; the message is one line for the user."""


def now() -> str:
    """The current time, ISO 8601 in UTC to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def database_url(location: str | Path) -> str:
    """The SQLAlchemy URL of a workspace: a ``postgresql://`` URL (driven by psycopg), or a
    SQLite file path."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


class Workspace:
    """An open workspace. ``read_only`` refuses every change (for publishing)."""

    def __init__(self, engine: Engine, read_only: bool = False) -> None:
        self.engine = engine
        self.read_only = read_only

    @classmethod
    def open(cls, location: str | Path, read_only: bool = False) -> Workspace:
        """Open (creating and migrating when allowed) the workspace at ``location``."""
        url = database_url(location)
        sqlite = url.startswith("sqlite")
        if sqlite:
            path = Path(make_url(url).database or "")
            if read_only and not path.exists():
                raise WorkspaceError(f"workspace {path} does not exist (opened read-only)")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise WorkspaceError(f"cannot create {path.parent}: {error.strerror}") from None
        try:
            engine = create_engine(url)
        except ModuleNotFoundError as error:
            raise WorkspaceError(
                f"{location}: the database driver {error.name} is not installed "
                "(pip install 'eventline[postgresql]')"
            ) from None
        except ArgumentError as error:
            raise WorkspaceError(f"{location} is not a workspace path or URL: {error}") from None
        if sqlite:
            _sqlite_setup(engine)
        workspace = cls(engine, read_only)
        workspace._migrate()
        return workspace

    @property
    def name(self) -> str:
        """The workspace as shown to the user: its file name, or its URL without password."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite":
            return Path(url.database or "").name
        return url.render_as_string(hide_password=True).replace("+psycopg", "")

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.url.get_backend_name()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection in a read transaction: one consistent snapshot of the workspace."""
        with _guard(self), self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed as a whole when the block ends
        (rolled back on any error); the workspace's ``generation`` goes up by one."""
        if self.read_only:
            raise WorkspaceError("the workspace is open read-only; changes are switched off")
        with _guard(self), self.engine.connect() as plain:
            connection = plain.execution_options(begin="IMMEDIATE")
            with connection.begin():
                yield connection
                connection.execute(
                    update(meta)
                    .where(meta.c.key == "generation")
                    .values(value=cast(cast(meta.c.value, Integer) + 1, Text))
                )

    def generation(self) -> int:
        """A number that changes whenever the workspace changes (to refresh cached views)."""
        with self.reading() as connection:
            return int(get_meta(connection).get("generation", "0"))

    def version(self) -> int:
        """The schema version of the database."""
        with self.reading() as connection:
            return int(get_meta(connection).get("schema_version", "0"))

    def _migrate(self) -> None:
        with _guard(self), self.engine.connect() as plain:
            connection = plain.execution_options(begin="IMMEDIATE")
            with connection.begin():
                values = get_meta(connection) if inspect(connection).has_table("meta") else {}
                version = int(values.get("schema_version", "0"))
                if version > SCHEMA_VERSION:
                    raise WorkspaceError(
                        f"{self.name} has schema version {version}, newer than this Eventline "
                        f"reads ({SCHEMA_VERSION}); upgrade Eventline"
                    )
                if version == SCHEMA_VERSION:
                    _add_event_columns(connection, self.read_only, self.name)
                    return
                if self.read_only:
                    raise WorkspaceError(
                        f"{self.name} needs an upgrade of its schema, not allowed read-only"
                    )
                for step in range(version, SCHEMA_VERSION):
                    MIGRATIONS[step](connection)
                set_meta(connection, {"schema_version": str(SCHEMA_VERSION)})
                if "generation" not in values:
                    set_meta(connection, {"generation": "0"})


def _add_event_columns(connection: Connection, read_only: bool, name: str) -> None:
    """Add the columns the event tables gained since the workspace was made (as text, empty),
    and mark the merged events for rebuilding, which fills them."""
    inspector = inspect(connection)
    missing = [
        (table.name, column)
        for table in EVENT_TABLES
        for column in [c.name for c in table.columns]
        if column not in {c["name"] for c in inspector.get_columns(table.name)}
    ]
    if not missing:
        return
    if read_only:
        raise WorkspaceError(f"{name} needs new columns; open it once without read-only")
    for table, column in missing:
        connection.exec_driver_sql(
            f"ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL DEFAULT ''"
        )
    set_meta(connection, {"merge_pending": "1"})


def get_meta(connection: Connection) -> dict[str, str]:
    """Every ``meta`` entry."""
    return {key: value for key, value in connection.execute(select(meta.c.key, meta.c.value))}


def set_meta(connection: Connection, values: Mapping[str, str]) -> None:
    """Set ``meta`` entries inside the caller's transaction."""
    for key, value in values.items():
        done = connection.execute(update(meta).where(meta.c.key == key).values(value=value))
        if not done.rowcount:
            connection.execute(meta.insert().values(key=key, value=value))


@contextmanager
def _guard(workspace: Workspace) -> Iterator[None]:
    """Database errors become a one-line :class:`WorkspaceError` naming the workspace."""
    try:
        yield
    except OperationalError as error:
        reason = str(error.orig or error).strip().splitlines()[0]
        raise WorkspaceError(f"workspace {workspace.name}: {reason}") from None
    except SQLAlchemyError as error:
        if isinstance(error.__cause__, WorkspaceError):
            raise error.__cause__ from None
        raise


def _sqlite_setup(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, and explicit ``BEGIN`` statements (the sqlite3
    module's own transaction handling is switched off, as SQLAlchemy documents)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API objects
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
