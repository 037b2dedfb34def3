"""Every public model's API address (api/addresses.py) answers with that object."""

import pytest

from api.addresses import DETAIL_PATHS, api_path


def test_each_public_object_s_api_address_answers_with_it(client, content):
    objects = [
        content.series,
        content.episode,
        content.group,
        content.person,
        content.release,
        content.milestone,
    ]
    assert {obj._meta.label_lower for obj in objects} == set(DETAIL_PATHS)
    for obj in objects:
        response = client.get(api_path(obj))
        assert response.status_code == 200, api_path(obj)
        assert response.json()["id"] == obj.pk, api_path(obj)


@pytest.mark.django_db
def test_a_model_the_api_does_not_serve_has_no_address(django_user_model):
    assert api_path(django_user_model(username="nobody")) is None
