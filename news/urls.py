from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="index"),
    # File names with a dot can never clash with an article's slug.
    path("rss.xml", feeds.ArticleFeed(), name="feed"),
    path("atom.xml", feeds.ArticleAtomFeed(), name="feed_atom"),
    path("<slug:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
