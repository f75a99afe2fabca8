-- The related list ranks its candidates by how closely their headline, standfirst and tags match
-- the article's: only the search vector's weights A and B count. The whole vector is about 5 KB a
-- story, mostly the body's words; its A and B part is about 250 bytes. Ranking reads this part
-- and gives the same lists (compared for 150 random stories of 100,000) in about 70% of the time
-- (2.5 against 3.7 ms a list). A generated column: PostgreSQL keeps it equal to the search vector
-- on every write (triggers, the search catch-up, a change of search language), and backups leave
-- it out.
--
-- Stored in the row (MAIN): left EXTENDED, the row being over 2 KB with the search vector, each
-- value went to the TOAST table, and reading it there cost more than the ranking saved.
-- Adding the column rewrites the article table under an exclusive lock: about half a minute at
-- 100,000 stories on a 2-core machine (CHANGES.md says so; VACUUM it afterwards).
alter table article
    add column related_vector tsvector generated always as (ts_filter(search_vector, '{a,b}')) stored,
    alter column related_vector set storage main;

analyze article;
