-- A tag page shows what the tag is about: editors write it in the newsroom.
alter table tag add column description text not null default '';
