"""Leicester's performance book (the seed's 23 indicators and four the portal works out): the default set.

The data is written out here rather than read from performance/frameworks/, so this migration keeps saying
what it said when it first ran whatever later happens to that file.
"""

from django.db import migrations

HEADER = {'slug': 'leicester-performance-book',
 'version': 1,
 'title': 'Leicester Early Help performance book',
 'partnership': 'Leicester',
 'source': "Leicester Early Help Strategy 2016-2019, appendix 'Performance Indicators as at June 2016'",
 'description': 'The indicators the Early Help Strategic Partnership Board reads under the Support, Strengthen and '
                'Thrive themes. Each has a named owner who provides data updates and the narrative that goes with '
                'them, so that board members fully understand both positive progress and challenges. The last four are '
                'figures the portal already holds, worked out rather than typed.'}
COLUMNS = ('reference', 'theme', 'name', 'unit', 'polarity', 'frequency', 'by_locality', 'computed', 'definition', 'data_source')
INDICATORS = [
    ('1', 'Strengthen', 'Primary school persistent absence rate (>10% absence)', 'percentage', 'lower_is_better', 'quarterly', True, '', "Pupils in the city's primary schools missing 10% or more of their possible sessions, as a percentage of all pupils on roll, over the school year to date.", 'School census and attendance returns (Education Welfare Service)'),
    ('2', 'Strengthen', 'Secondary school persistent absence rate (>10% absence)', 'percentage', 'lower_is_better', 'quarterly', True, '', "Pupils in the city's secondary schools missing 10% or more of their possible sessions, as a percentage of all pupils on roll, over the school year to date.", 'School census and attendance returns (Education Welfare Service)'),
    ('3', 'Strengthen', 'No. of domestic or sexual violence incidents at start and end of intervention', 'count', 'lower_is_better', 'quarterly', False, '', 'Across families whose Early Help intervention closed in the period, the reduction in police-recorded domestic or sexual violence incidents between the six months before the start and the six months before the end of the intervention.', 'Police incident data matched to closed Early Help cases'),
    ('4', 'Thrive', 'Improvement in family wellbeing and/or physical, mental or emotional health', 'percentage', 'higher_is_better', 'quarterly', False, '', 'Families closed in the period whose outcome measure shows an improvement in family wellbeing or in physical, mental or emotional health, as a percentage of families closed.', 'Early Help case records (outcome measures at start and closure)'),
    ('5', 'Thrive', 'Family members report a reduction in harmful alcohol and drug use', 'percentage', 'higher_is_better', 'quarterly', False, '', 'Family members with harmful alcohol or drug use at the start of Early Help who report a reduction at closure, as a percentage of those family members.', 'Early Help case records; substance misuse service'),
    ('6', 'Strengthen', 'Phase 2: Troubled Families claims made', 'count', 'higher_is_better', 'quarterly', False, '', 'Payment-by-results claims made to the national Troubled Families programme in the period, for families achieving significant and sustained progress.', 'Troubled Families team claims log'),
    ('7', 'Strengthen', 'Take up of funded early education 2, 3 and 4 year olds', 'percentage', 'higher_is_better', 'quarterly', True, '', 'Eligible children taking up their funded early education place, as a percentage of eligible children, in the term the period covers.', 'Early years funding returns (headcount)'),
    ('8', 'Strengthen', 'Good Level of Development at EYFS', 'percentage', 'higher_is_better', 'yearly', False, '', 'Children achieving a good level of development at the end of the Early Years Foundation Stage, as a percentage of children assessed.', 'EYFS profile results'),
    ('9', 'Strengthen', 'Gap between lowest achieving 20% and the rest at EYFS', 'percentage', 'lower_is_better', 'yearly', False, '', 'The gap between the median score of the lowest-achieving 20% of children at the end of EYFS and the median of all children, as a percentage of the median.', 'EYFS profile results'),
    ('10', 'Strengthen', 'Raising the Participation Age - Year 11 leavers participating in learning', 'percentage', 'higher_is_better', 'quarterly', False, '', 'Year 11 leavers participating in education or training, as a percentage of the year group being tracked.', 'Connexions client caseload information'),
    ('11', 'Strengthen', '% of Primary school pupils with one or more fixed period exclusions', 'percentage', 'lower_is_better', 'quarterly', True, '', 'Primary pupils with at least one fixed-period exclusion in the school year to date, as a percentage of pupils on roll.', 'School exclusion returns'),
    ('12', 'Strengthen', '% of secondary pupils with one or more fixed-period exclusion', 'percentage', 'lower_is_better', 'quarterly', True, '', 'Secondary pupils with at least one fixed-period exclusion in the school year to date, as a percentage of pupils on roll.', 'School exclusion returns'),
    ('13', 'Thrive', "Young People's Employment, Education and Training", 'percentage', 'higher_is_better', 'quarterly', False, '', 'Young people aged 16 and 17 in employment, education or training, as a percentage of those known to the service.', 'Connexions client caseload information'),
    ('14', 'Strengthen', 'Supervised by YOS Not in Education, Employment & Training', 'percentage', 'lower_is_better', 'quarterly', False, '', 'Young people supervised by the Youth Offending Service who are not in education, employment or training, as a percentage of young people supervised.', 'Youth Offending Service case records'),
    ('15', 'Strengthen', 'The number of First Time Entrants (FTEs) into the Criminal Justice System', 'count', 'lower_is_better', 'quarterly', False, '', 'Young people aged 10 to 17 receiving their first reprimand, warning, caution or conviction in the period.', 'Police National Computer, via the Youth Offending Service'),
    ('16', 'Strengthen', 'Under 18 conception rate (15-17 per 1000)', 'rate_per_1000', 'lower_is_better', 'quarterly', False, '', 'Conceptions to young women aged 15 to 17, per 1,000 young women of that age (rolling four quarters).', 'Office for National Statistics conception statistics'),
    ('17', 'Strengthen', 'Infant Mortality - Rate per 1,000 live births', 'rate_per_1000', 'lower_is_better', 'yearly', False, '', 'Deaths of infants under one year of age per 1,000 live births (three-year rolling rate).', 'Public Health Outcomes Framework'),
    ('18', 'Strengthen', '16-17 year olds presenting as homeless', 'count', 'lower_is_better', 'quarterly', False, '', 'Young people aged 16 or 17 presenting to the council as homeless or at risk of homelessness in the period.', 'Housing Options service records'),
    ('19', 'Strengthen', '% of 5 year olds with decayed, missing and filled teeth', 'percentage', 'lower_is_better', 'yearly', False, '', 'Five-year-old children with one or more decayed, missing or filled teeth, as a percentage of children examined.', 'National Dental Epidemiology Programme survey'),
    ('20', 'Support', 'Contact sources requesting targeted council Early Help Services', 'count', 'no_direction', 'quarterly', False, '', 'Contacts received by the Early Help front door asking for targeted council Early Help services in the period; the narrative gives the split by source (schools, health, police, self-referral and others).', "Children's services case management system"),
    ('21', 'Support', 'Council Early Help Casework (both TAR and EHA)', 'count', 'no_direction', 'quarterly', True, '', 'Open council Early Help cases at the end of the period, Team Around the Resident (TAR) and Early Help Assessment (EHA) together.', "Children's services case management system"),
    ('22', 'Support', 'Step Up Step Down between Early Help and Social Care', 'count', 'no_direction', 'quarterly', False, '', "Cases stepped up from Early Help to children's social care, and stepped down from social care to Early Help, in the period; the value is the two together and the narrative gives each.", "Children's services case management system"),
    ('23', 'Strengthen', 'Successfully completing an advised treatment programme (drug or alcohol)', 'percentage', 'higher_is_better', 'quarterly', False, '', 'Parents and young people who leave an advised drug or alcohol treatment programme having completed it successfully, as a percentage of all who leave it.', 'National Drug Treatment Monitoring System'),
    ('QA1', 'Quality assurance (figures the portal holds)', '% of organisations whose Early Help offer was reviewed by its review date', 'percentage', 'higher_is_better', 'quarterly', False, 'offers_reviewed_on_time', 'Published offers reviewed on or before their review date, as a percentage of offers due a review; worked out from the offers directory.', 'Worked out by the portal'),
    ('QA2', 'Quality assurance (figures the portal holds)', '% of case-file audits judged good or better', 'percentage', 'higher_is_better', 'quarterly', False, 'caseaudits_good_or_better', "Case-file audits in the quarter whose moderated (or, before moderation, the auditor's) overall judgement is good or outstanding, as a percentage of audits; worked out from the case-file audits.", 'Worked out by the portal'),
    ('QA3', 'Quality assurance (figures the portal holds)', '% of schools with a submitted commitments audit', 'percentage', 'higher_is_better', 'quarterly', False, 'commitments_submitted', 'Schools that have submitted their Early Help commitments audit for the academic year, as a percentage of schools; worked out from the commitments audits.', 'Worked out by the portal'),
    ('QA4', 'Quality assurance (figures the portal holds)', 'EHA principle compliance: action plan in place', 'percentage', 'higher_is_better', 'quarterly', False, 'principle_compliance:action-plan', 'Audited cases in the quarter with an action plan in place, as a percentage of audited cases; worked out from the case-file audits.', 'Worked out by the portal'),
]


def add_leicester(apps, schema_editor):
    IndicatorSet = apps.get_model("performance", "IndicatorSet")
    Indicator = apps.get_model("performance", "Indicator")
    if IndicatorSet.objects.filter(slug=HEADER["slug"]).exists():
        return
    indicator_set = IndicatorSet.objects.create(
        **HEADER, is_current=not IndicatorSet.objects.filter(is_current=True).exists()
    )
    Indicator.objects.bulk_create(
        Indicator(indicator_set=indicator_set, order=order, **dict(zip(COLUMNS, row)))
        for order, row in enumerate(INDICATORS, start=1)
    )


def remove_leicester(apps, schema_editor):
    IndicatorSet = apps.get_model("performance", "IndicatorSet")
    IndicatorSet.objects.filter(slug=HEADER["slug"], version=1, indicators__returns__isnull=True).distinct().delete()


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_initial")]

    operations = [migrations.RunPython(add_leicester, remove_leicester)]
