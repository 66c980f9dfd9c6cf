"""A fourth content type that exists only in one test: the recipe in the README, followed.

Installed by ``tests/norec_site/test_adding_a_content_type.py`` alone; no other test sees it.
"""
