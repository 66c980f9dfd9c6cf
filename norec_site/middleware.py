from django.core.exceptions import BadRequest


class RejectNullCharactersMiddleware:
    """A NUL character in the query string is a bad request (400), not a 500.

    PostgreSQL text cannot hold it, so any filter that reached a query would fail.
    Forms already refuse it (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                raise BadRequest("NUL character in the query string")
        return self.get_response(request)
