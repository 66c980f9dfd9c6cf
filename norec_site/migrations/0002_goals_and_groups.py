from django.db import migrations

from norec_site.groups import COMMUNICATIONS, PROJECT_EDITORS, REPORT_ADMINISTRATORS, grant

# (number, colour, Nynorsk, Bokmål, English): the UN's short names and colours.
GOALS = [
    (1, "#E5243B", "Utrydde fattigdom", "Utrydde fattigdom", "No poverty"),
    (2, "#DDA63A", "Utrydde svolt", "Utrydde sult", "Zero hunger"),
    (3, "#4C9F38", "God helse og livskvalitet", "God helse og livskvalitet", "Good health and well-being"),
    (4, "#C5192D", "God utdanning", "God utdanning", "Quality education"),
    (5, "#FF3A21", "Likestilling mellom kjønna", "Likestilling mellom kjønnene", "Gender equality"),
    (6, "#26BDE2", "Reint vatn og gode sanitærforhold", "Rent vann og gode sanitærforhold", "Clean water and sanitation"),
    (7, "#FCC30B", "Rein energi for alle", "Ren energi til alle", "Affordable and clean energy"),
    (8, "#A21942", "Anstendig arbeid og økonomisk vekst", "Anstendig arbeid og økonomisk vekst", "Decent work and economic growth"),
    (9, "#FD6925", "Innovasjon og infrastruktur", "Innovasjon og infrastruktur", "Industry, innovation and infrastructure"),
    (10, "#DD1367", "Mindre ulikskap", "Mindre ulikhet", "Reduced inequalities"),
    (11, "#FD9D24", "Berekraftige byar og lokalsamfunn", "Bærekraftige byer og lokalsamfunn", "Sustainable cities and communities"),
    (12, "#BF8B2E", "Ansvarleg forbruk og produksjon", "Ansvarlig forbruk og produksjon", "Responsible consumption and production"),
    (13, "#3F7E44", "Stoppe klimaendringane", "Stoppe klimaendringene", "Climate action"),
    (14, "#0A97D9", "Livet i havet", "Livet i havet", "Life below water"),
    (15, "#56C02B", "Livet på land", "Livet på land", "Life on land"),
    (16, "#00689D", "Fred, rettferd og velfungerande institusjonar", "Fred, rettferdighet og velfungerende institusjoner", "Peace, justice and strong institutions"),
    (17, "#19486A", "Samarbeid for å nå måla", "Samarbeid for å nå målene", "Partnerships for the goals"),
]


def create_goals(apps, schema_editor):
    Goal = apps.get_model("norec_site", "SustainableDevelopmentGoal")
    for number, colour, nn, nb, en in GOALS:
        Goal.objects.update_or_create(
            number=number,
            defaults={"colour": colour, "name": nn, "name_nn": nn, "name_nb": nb, "name_en": en},
        )


def create_groups(apps, schema_editor):
    grant(apps, COMMUNICATIONS, "norec_site", ["image", "person", "topic"])
    grant(apps, REPORT_ADMINISTRATORS, "norec_site", ["image", "person", "organisation", "topic"])
    grant(apps, PROJECT_EDITORS, "norec_site", ["image", "organisation", "person", "topic"])


class Migration(migrations.Migration):
    dependencies = [
        ("norec_site", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_goals, migrations.RunPython.noop),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
