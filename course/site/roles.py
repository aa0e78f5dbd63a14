"""The Instructors group: edits, publishes and locks course pages, glossary terms,
images, documents and quizzes; nothing in users or site settings.

Granted by the data migration course_site 0001, which runs after every app whose
permissions it grants (so no other app's migration needs to know the group);
re-runnable."""

INSTRUCTORS = "Instructors"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
]  # fmt: skip
MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("lessons", "add_glossaryterm"), ("lessons", "change_glossaryterm"), ("lessons", "delete_glossaryterm"),
    ("lessons", "publish_glossaryterm"),
    ("quiz", "add_quiz"), ("quiz", "change_quiz"), ("quiz", "delete_quiz"), ("quiz", "view_quiz"),
    ("quiz", "publish_quiz"),
    ("quiz", "view_attempt"),
    ("reports", "view_reports"),
    # Classes: each instructor sees and manages only the classes they teach (course.classes.privacy).
    ("classes", "add_courseclass"), ("classes", "change_courseclass"), ("classes", "delete_courseclass"),
    ("classes", "view_courseclass"),
]  # fmt: skip


def ensure_instructors_group(apps):
    """Idempotent; `apps` is a migration's app registry or django.apps.apps."""
    from django.contrib.auth.management import create_permissions

    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _ = Group.objects.get_or_create(name=INSTRUCTORS)

    def permission(app_label, codename):
        if codename.startswith("publish_"):
            # Wagtail adds publish permissions for draft-state snippets after migrating: make sure.
            ContentType = apps.get_model("contenttypes", "ContentType")
            model = codename.removeprefix("publish_")
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            return Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": f"Can publish {model}"}
            )[0]
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    def migrated(app_label):
        # In a migration, an app migrated later is not in `apps` yet: its own
        # migration calls this function again to grant its permissions.
        try:
            return any(True for _model in apps.get_app_config(app_label).get_models())
        except LookupError:
            return False

    group.permissions.add(*(permission(app, codename) for app, codename in MODEL_PERMISSIONS if migrated(app)))
    root = Page.objects.filter(depth=1).first()
    if root:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission("wagtailcore", codename)
            )
    collection = Collection.objects.filter(depth=1).first()
    if collection:
        for app, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission(app, codename)
            )
    return group
