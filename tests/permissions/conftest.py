import pytest
from django.db import transaction
from django.test import override_settings

from tests.permissions.world import build_world, log_in_every_role


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once for the module inside a transaction rolled back at its end (the reference rows
    of the data migrations stay as they were); each test runs in a savepoint of its own, so a
    write that got through is undone before the next case. Uploads go to a throwaway root."""
    private = tmp_path_factory.mktemp("private")
    with (
        override_settings(PRIVATE_MEDIA_ROOT=private, MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        world = build_world()
        log_in_every_role(world)
        yield world
        transaction.set_rollback(True)
