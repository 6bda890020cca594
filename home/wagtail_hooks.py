from home import admin_dates

# Before any admin form is built: forms read the overrides when their class is made.
admin_dates.register()
