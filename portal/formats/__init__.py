"""Finland's date formats for the portal's languages (settings.FORMAT_MODULE_PATH).

Only what differs from Django's own locale formats is here: Finnish and Finland-Swedish
editors write dates as d.m.yyyy (31.12.2021). Django also accepts ISO dates (2021-12-31)
in every language. Django's Swedish formats are Sweden's, with American m/d/y input
that would read 1/2/2021 as 2 January.
"""
