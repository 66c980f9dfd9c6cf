"""Projects for tests, made through the same service the demo and the admin rules use."""

import datetime

import factory

from norec_site.models import Organisation, Status
from projects.models import CooperationType, Partnership, Project
from projects.services import create_project


def _text(template, code):
    """A text of the project's number in language ``code``, empty unless it has that language."""
    return factory.LazyAttribute(
        lambda project: template.format(project.number, code) if code in project.languages else ""
    )


class ProjectFactory(factory.django.DjangoModelFactory):
    """A published project whose first partner coordinates; ``partners`` are (country, kind).

    ``languages`` says which languages get a title, summary and description.
    """

    class Meta:
        model = Project

    class Params:
        number = factory.Sequence(lambda n: n + 1)
        languages = ("nn", "nb", "en")

    title_nn = _text("Prosjekt {} {}", "nn")
    title_nb = _text("Prosjekt {} {}", "nb")
    title_en = _text("Prosjekt {} {}", "en")
    summary_nn = _text("Samandrag {} {}", "nn")
    summary_nb = _text("Samandrag {} {}", "nb")
    summary_en = _text("Samandrag {} {}", "en")
    description_nn = _text("<p>Skildring {} {}</p>", "nn")
    description_nb = _text("<p>Skildring {} {}</p>", "nb")
    description_en = _text("<p>Skildring {} {}</p>", "en")
    partners = (("KE", "civil_society"), ("UG", "public"))
    sdgs = ()
    images = ()
    cooperation_type = CooperationType.SOUTH_SOUTH
    start = datetime.date(2025, 1, 1)
    end = datetime.date(2027, 12, 31)
    status = Status.PUBLISHED

    @classmethod
    def _create(cls, model_class, *, partners, sdgs, start, end, **fields):
        organisations = [
            Organisation.objects.get_or_create(
                name=f"Organisation {country} {kind}", country=country, defaults={"kind": kind}
            )[0]
            for country, kind in partners
        ]
        roles = [Partnership.Role.COORDINATING] + [Partnership.Role.PARTNER] * (len(partners) - 1)
        return create_project(
            partners=[(org, role, "") for org, role in zip(organisations, roles, strict=True)],
            sdg_numbers=sdgs,
            start_date=start,
            end_date=end,
            **fields,
        )
