from django.apps import AppConfig


class CaseAuditsConfig(AppConfig):
    name = "caseaudits"
    verbose_name = "EHA principle case-file audits"
