"""Alembic environment: runs on the engine the program hands over (never reads alembic.ini)."""

from alembic import context

from hall_desk.store.tables import Base  # every table module, so the metadata is complete

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
