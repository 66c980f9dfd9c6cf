"""Demo partner projects written for the site (content.toml), and synthetic ones for benchmarks."""

import datetime
import itertools
from functools import cache

from django.db import transaction
from tqdm import tqdm

from norec_site.demo import demo_image, html, load
from norec_site.languages import language_codes
from norec_site.models import Organisation, Status, SustainableDevelopmentGoal
from norec_site.slugs import slug_from_title
from projects.iati import NOREC_REF
from projects.models import CooperationType, DacSector, Partnership, Project
from projects.services import create_project, facet_columns

COORD, PARTNER = Partnership.Role.COORDINATING, Partnership.Role.PARTNER


@cache
def content():
    return load(__file__)


def _text_fields(entry):
    """Title, summary and description in every language; empty where it is not written."""
    fields = {}
    for code in language_codes():
        texts = entry.get(code, {})
        fields[f"title_{code}"] = texts.get("title", "")
        fields[f"summary_{code}"] = texts.get("summary", "")
        fields[f"description_{code}"] = html(texts.get("description", []))
    return fields


def _organisation(name, country, kind):
    organisation, _created = Organisation.objects.get_or_create(
        name=name, country=country, defaults={"kind": kind}
    )
    return organisation


@transaction.atomic
def seed(shared):
    """The hand-written projects; projects that already exist are left as they are."""
    from reports.models import Report

    reports = list(Report.objects.published()[:2])
    for entry in content()["projects"]:
        identifier = f"{NOREC_REF}-{entry['code']}"
        if Project.objects.filter(iati_identifier=identifier).exists():
            continue
        images = []
        if entry.get("picture"):
            images.append(demo_image(f"project-{entry['code'].lower()}", alt_nn=entry["picture"]))
        create_project(
            partners=[
                (
                    _organisation(partner["name"], partner["country"], partner["kind"]),
                    partner["role"],
                    "",
                )
                for partner in entry["partners"]
            ],
            sdg_numbers=entry["sdgs"],
            topics=[shared.topics[slug] for slug in entry["topics"] if slug in shared.topics],
            images=images,
            reports=reports if entry.get("link_reports") else (),
            cooperation_type=CooperationType(entry["type"]),
            dac_sector=DacSector[entry["dac"]],
            start_date=entry["start"],
            end_date=entry["end"],
            participants=entry["participants"],
            grant_amount=entry.get("grant"),
            iati_identifier=identifier,
            status=Status.PUBLISHED,
            **_text_fields(entry),
        )


def seed_scale(shared, n, stdout=None):
    """``n`` synthetic published projects for benchmarks, in bulk; run twice, adds none."""
    prefix = f"{NOREC_REF}-SCALE-"
    existing = set(
        Project.objects.filter(iati_identifier__startswith=prefix).values_list(
            "iati_identifier", flat=True
        )
    )
    wanted = [i for i in range(n) if f"{prefix}{i}" not in existing]
    if not wanted:
        return
    synthetic = content()["synthetic"]
    countries, kinds_in_turn = synthetic["countries"], synthetic["kinds"]
    organisations = {
        (country, kind): _organisation(f"Synthetic {kind} partner {country}", country, kind)
        for trio in countries
        for country in trio
        for kind in kinds_in_turn
    }
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.all()}
    types = itertools.cycle(CooperationType.values)
    batch = 500
    progress = tqdm(total=len(wanted), desc="projects", file=stdout, disable=stdout is None)
    for offset in range(0, len(wanted), batch):
        chunk = wanted[offset : offset + batch]
        with transaction.atomic():
            projects, plans = [], []
            for i in chunk:
                trio = countries[i % len(countries)]
                kinds = [kinds_in_turn[(i + k) % len(kinds_in_turn)] for k in range(3)]
                sdgs = sorted({17, (i % 16) + 1})
                start = datetime.date(2018 + i % 10, 1 + i % 12, 1)
                end = start.replace(year=start.year + 2 + i % 2)
                title = f"Utvekslingsprosjekt {i}"
                partners = list(zip(trio, kinds, strict=True))
                project = Project(
                    title_nn=title,
                    slug_nn=slug_from_title(f"{title}-scale"),
                    summary_nn=f"Syntetisk prosjekt {i} for ytingsmåling.",
                    description_nn="<p>Syntetisk prosjekt for ytingsmåling.</p>",
                    cooperation_type=next(types),
                    start_date=start,
                    end_date=end,
                    participants=4 + i % 20,
                    grant_amount=1_000_000 + (i % 50) * 10_000,
                    iati_identifier=f"{prefix}{i}",
                    status=Status.PUBLISHED,
                    published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
                    years=list(range(start.year, end.year + 1)),
                    **facet_columns(partners, sdgs),
                )
                projects.append(project)
                plans.append((partners, sdgs))
            Project.objects.bulk_create(projects)
            Partnership.objects.bulk_create(
                Partnership(
                    project=project,
                    organisation=organisations[(country, kind)],
                    role=COORD if position == 0 else PARTNER,
                    country=country,
                )
                for project, (partners, _sdgs) in zip(projects, plans, strict=True)
                for position, (country, kind) in enumerate(partners)
            )
            Project.sdgs.through.objects.bulk_create(
                Project.sdgs.through(project_id=project.pk, sustainabledevelopmentgoal=goals[n])
                for project, (_partners, sdgs) in zip(projects, plans, strict=True)
                for n in sdgs
            )
        progress.update(len(chunk))
    progress.close()
