"""The policy-document crawler: site profiles, CMS adapters, the Scrapy spider, its pipeline."""
