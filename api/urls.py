from .api import api

# (patterns, app_name, namespace): "api", so reverse("api:openapi-json") works.
urlpatterns = api.urls
