import pytest

from geo.curation import CurationStore
from geo.gazetteer import load_gazetteer

from testkit.curation import copy_gazetteer, login


@pytest.fixture
def gazetteer_dir(tmp_path):
    return copy_gazetteer(tmp_path / "gazetteer")


@pytest.fixture
def store(gazetteer_dir):
    return CurationStore(gazetteer_dir / "curation", gazetteer_dir=gazetteer_dir)


@pytest.fixture
def editor():
    return login("wang")


@pytest.fixture(scope="session")
def base_gazetteer():
    return load_gazetteer(curated=False)
