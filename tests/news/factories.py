"""Articles and their bylines: deterministic, no random data."""

import datetime

import factory
from django.utils import timezone

from news.models import Article, ArticleAuthor
from norec_site.models import Status


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published Nynorsk article; ``translated=True`` adds Bokmål and English."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title_nn = factory.Sequence(lambda n: f"Utveksling nummer {n}")
    lead_nn = factory.Sequence(lambda n: f"Ingress til nyhende {n}.")
    body_nn = "<p>Brødtekst på nynorsk.</p>"
    status = Status.PUBLISHED
    # One minute apart, newest last made: the list shows the highest number first.
    published_at = factory.Sequence(
        lambda n: timezone.now() - datetime.timedelta(days=1) + datetime.timedelta(minutes=n)
    )

    class Params:
        draft = factory.Trait(status=Status.DRAFT, published_at=None)
        scheduled = factory.Trait(
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
        )
        translated = factory.Trait(
            title_nb=factory.Sequence(lambda n: f"Utveksling nummer {n} (bokmål)"),
            lead_nb=factory.Sequence(lambda n: f"Ingress til nyhet {n}."),
            body_nb="<p>Brødtekst på bokmål.</p>",
            title_en=factory.Sequence(lambda n: f"Exchange number {n}"),
            lead_en=factory.Sequence(lambda n: f"Lead of news item {n}."),
            body_en="<p>Body text in English.</p>",
        )

    @factory.post_generation
    def authors(self, create, people, **kwargs):
        for position, person in enumerate(people or ()):
            ArticleAuthor.objects.create(
                article=self, person=person, position=position, role=ArticleAuthor.Role.TEXT
            )

    @factory.post_generation
    def topics(self, create, topics, **kwargs):
        if topics:
            self.topics.add(*topics)
