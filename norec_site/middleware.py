from django.http import QueryDict


class StripNullCharactersMiddleware:
    """Drop NUL characters from the query string before any view reads it.

    PostgreSQL text cannot hold them, so a filter or search that passed one to a
    query would fail with a 500; without them the visitor gets a normal page.
    Forms already refuse them (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
