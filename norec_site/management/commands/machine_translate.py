"""manage.py machine_translate news.Article 12 --from nn --to nb"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import override

from norec_site import apertium
from norec_site.machine_translation import MachineTranslationError, machine_translate
from norec_site.models import Publishable


class Command(BaseCommand):
    help = (
        "Fill an item's empty fields in one written form (Nynorsk or Bokmål) with "
        "Apertium's translation from the other, marked for checking before publishing."
    )

    def add_arguments(self, parser):
        parser.add_argument("model", help="app_label.ModelName, such as news.Article")
        parser.add_argument("pk", type=int)
        parser.add_argument("--from", dest="source", choices=("nn", "nb"), default="nn")
        parser.add_argument("--to", dest="target", choices=("nn", "nb"), default="nb")

    def handle(self, *args, model, pk, source, target, **options):
        if source == target:
            raise CommandError("--from and --to must be different written forms.")
        try:
            model_class = apps.get_model(model)
        except (LookupError, ValueError) as error:
            raise CommandError(
                f"No such model: {model} (write it as app_label.ModelName)."
            ) from error
        if not issubclass(model_class, Publishable):
            raise CommandError(f"{model} is not translated content.")
        if not apertium.is_available(source, target):
            with override("en"):
                raise CommandError(str(apertium.unavailable_reason(source, target)))
        item = model_class._default_manager.filter(pk=pk).first()
        if item is None:
            raise CommandError(f"{model} {pk} does not exist.")
        try:
            result = machine_translate(item, source=source, target=target)
        except (MachineTranslationError, ValidationError) as error:
            raise CommandError(str(error)) from error
        if not result.fields:
            self.stdout.write(
                f"Nothing to translate: {model} {pk} has no empty {target} field "
                f"whose {source} field is written."
            )
            return
        self.stdout.write(
            f"{model} {pk}: {', '.join(f'{name}_{target}' for name in result.fields)} "
            "machine translated; check them before publishing."
        )
        if result.unsure_words:
            self.stdout.write(f"Apertium was unsure of: {', '.join(result.unsure_words)}")
