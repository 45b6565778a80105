"""Load the criterion sets: OSD 1.9, the DFSG and the four freedoms.

Numbers, keys and titles are facts from the published documents; the
summaries are our own words. The official wording can be added later with
``manage.py import_criteria``.
"""

from django.db import migrations

OSD = {
    "slug": "osd-1.9",
    "name": "The Open Source Definition",
    "short_name": "OSD",
    "version": "1.9",
    "source_url": "https://opensource.org/osd",
    "description": "The Open Source Initiative's ten criteria for open source licenses.",
    "criteria": [
        (1, "free-redistribution", "Free Redistribution",
         "Anyone may sell or give the software away, alone or as part of a larger distribution, "
         "and the license may not demand a royalty or fee for doing so."),
        (2, "source-code", "Source Code",
         "The program comes with source code, or the source is easy to get at no more than a reasonable "
         "reproduction cost. It must be the form a programmer would prefer to modify, not obfuscated."),
        (3, "derived-works", "Derived Works",
         "People may modify the work and make derived works, and may share them under the same terms."),
        (4, "integrity-of-the-author-s-source-code", "Integrity of The Author's Source Code",
         "A license may protect the author's original by asking that changes ship as patches or that "
         "derived works carry a different name or version, but it must still allow modified builds to be shared."),
        (5, "no-discrimination-against-persons-or-groups", "No Discrimination Against Persons or Groups",
         "The license may not exclude any person or group of people from using the work."),
        (6, "no-discrimination-against-fields-of-endeavor", "No Discrimination Against Fields of Endeavor",
         "The license may not forbid use in any field of activity, such as business, research or a "
         "particular industry or purpose."),
        (7, "distribution-of-license", "Distribution of License",
         "The rights travel with the program to everyone who receives it, without any extra license or "
         "agreement having to be signed."),
        (8, "license-must-not-be-specific-to-a-product", "License Must Not Be Specific to a Product",
         "The rights may not depend on the program staying part of one particular product or distribution."),
        (9, "license-must-not-restrict-other-software", "License Must Not Restrict Other Software",
         "The license may not put conditions on other software that is distributed alongside the licensed work."),
        (10, "license-must-be-technology-neutral", "License Must Be Technology-Neutral",
         "No clause may depend on a particular technology or interface style, such as click-through acceptance."),
    ],
}

DFSG = {
    "slug": "dfsg-1.2",
    "name": "The Debian Free Software Guidelines",
    "short_name": "DFSG",
    "version": "1.2",
    "source_url": "https://www.debian.org/social_contract#guidelines",
    "description": "The second part of the Debian Social Contract: the ten guidelines Debian uses to "
    "decide whether a work is free.",
    "criteria": [
        (1, "free-redistribution", "Free Redistribution",
         "Selling or giving away the work as part of a software distribution is allowed without a royalty."),
        (2, "source-code", "Source Code",
         "Source code is included, and distribution in source and compiled form is allowed."),
        (3, "derived-works", "Derived Works",
         "Modifications and derived works are allowed and may be shared under the original terms."),
        (4, "integrity-of-the-author-s-source-code", "Integrity of The Author's Source Code",
         "Changes may be required to ship as patch files or under another name, as long as builds from "
         "modified source may be shared."),
        (5, "no-discrimination-against-persons-or-groups", "No Discrimination Against Persons or Groups",
         "No person or group may be excluded."),
        (6, "no-discrimination-against-fields-of-endeavor", "No Discrimination Against Fields of Endeavor",
         "No field of use, commercial or otherwise, may be excluded."),
        (7, "distribution-of-license", "Distribution of License",
         "The rights apply to every recipient without any additional license."),
        (8, "license-must-not-be-specific-to-debian", "License Must Not Be Specific to Debian",
         "The rights may not depend on the work being part of Debian."),
        (9, "license-must-not-contaminate-other-software", "License Must Not Contaminate Other Software",
         "The license may not restrict other software distributed with the work."),
        (10, "example-licenses", "Example Licenses",
         "The GPL, BSD and Artistic licenses are examples Debian considers free."),
    ],
}

FREEDOMS = {
    "slug": "fsd-freedoms",
    "name": "The Free Software Definition: the four essential freedoms",
    "short_name": "Freedom",
    "version": "",
    "source_url": "https://www.gnu.org/philosophy/free-sw.html",
    "description": "The Free Software Foundation's four freedoms, numbered from zero. "
    "Summaries are our own; the official wording is on the FSF's page.",
    "criteria": [
        (0, "run", "Freedom to run", "Run the program as you wish, for any purpose."),
        (1, "study-and-change", "Freedom to study and change",
         "Study how the program works and change it; access to the source code is a precondition."),
        (2, "redistribute", "Freedom to redistribute", "Share copies with others."),
        (3, "distribute-modified", "Freedom to distribute modified versions",
         "Share your changed versions, so the whole community can benefit; source access is a precondition."),
    ],
}

SETS = [OSD, DFSG, FREEDOMS]


def load(apps, schema_editor):
    CriterionSet = apps.get_model("licenses", "CriterionSet")
    Criterion = apps.get_model("licenses", "Criterion")
    for data in SETS:
        fields = {k: v for k, v in data.items() if k not in {"slug", "criteria"}}
        cset, _ = CriterionSet.objects.update_or_create(slug=data["slug"], defaults=fields)
        for number, key, title, summary in data["criteria"]:
            Criterion.objects.update_or_create(
                set=cset, number=number, defaults={"key": key, "title": title, "summary": summary}
            )


def unload(apps, schema_editor):
    apps.get_model("licenses", "CriterionSet").objects.filter(slug__in=[s["slug"] for s in SETS]).delete()


class Migration(migrations.Migration):
    dependencies = [("licenses", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
