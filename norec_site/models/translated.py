from modeltranslation.translator import translator


class ValidatesEachLanguage:
    """Validate each language's field (``title_nn``...), not the language-neutral one.

    The neutral field reads the active language, so validating it would demand an
    English title whenever the code happens to run in English. Which languages
    are required is said by the language fields themselves.
    """

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        exclude = set(exclude or ())
        exclude |= set(translator.get_options_for_model(type(self)).all_fields)
        super().full_clean(
            exclude=exclude,
            validate_unique=validate_unique,
            validate_constraints=validate_constraints,
        )
