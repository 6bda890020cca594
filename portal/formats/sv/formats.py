DATE_INPUT_FORMATS = ["%d.%m.%Y"]
