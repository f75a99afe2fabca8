-- Place suggestions an editor dismissed for an article: never offered for it again.
create table place_dismissal (
    article_id bigint not null references article (id) on delete cascade,
    slug       text   not null,
    primary key (article_id, slug)
);
