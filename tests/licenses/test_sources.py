from licenses import sources


def test_spdx_text_is_the_canonical_text():
    text = sources.spdx_text("Apache-2.0")
    assert text.startswith("Apache License")
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text
    assert '(d) If the Work includes a "NOTICE" text file' in text


def test_spdx_text_of_unknown_id_is_empty():
    assert sources.spdx_text("No-Such-License-9") == ""


def test_spdx_license_carries_metadata():
    mit = sources.spdx_license("MIT")
    assert mit.name == "MIT License"
    assert mit.osi_approved is True
    assert mit.fsf_libre is True
    assert mit.deprecated is False
    assert "Permission is hereby granted" in mit.text


def test_deprecated_ids_are_flagged():
    assert sources.spdx_license("GPL-2.0").deprecated is True


def test_unknown_license_raises():
    import pytest

    with pytest.raises(sources.UnknownLicense):
        sources.spdx_license("No-Such-License-9")


def test_spdx_ids_cover_the_list():
    ids = sources.spdx_ids()
    assert len(ids) > 600
    assert ids == sorted(ids)
    assert "SSPL-1.0" in ids
