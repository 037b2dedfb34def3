"""
The API's errors: a JSON body that names what was wrong.

    {"error": {"status": 400, "parameter": "limit", "message": "…"}}

`parameter` is the query parameter at fault (400), absent for a 404 or 429.
"""

from django.http import JsonResponse


class ApiError(Exception):
    """Bad input in one parameter: a 400 naming it."""

    def __init__(self, parameter, message, status=400):
        super().__init__(message)
        self.parameter = parameter
        self.message = message
        self.status = status


def error_response(status, message, parameter=None, headers=None):
    error = {"status": status, "message": str(message)}
    if parameter is not None:
        error["parameter"] = parameter
    response = JsonResponse({"error": error}, status=status, headers=headers)
    # An error is never worth keeping: the page cache stores 200s only, and a
    # client or proxy should ask again.
    response["Cache-Control"] = "no-store"
    return response
