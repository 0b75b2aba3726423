"""Builders of believable records for the tests and the benchmarks alike.

The test suite (tests/) and the benchmarks (bench/) both build their data here, so a benchmark never
imports a test module and a record is built one way everywhere. Nothing here is a pytest fixture:
fixtures in tests/ call these builders.

  testdata.people   people in each role (`make_user`) and the one test password
  testdata.offers   Early Help offer pages in each moderation state
  testdata.audits   a whole city of schools with commitments audits, in bulk
"""
