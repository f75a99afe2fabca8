-- The media library: uploaded images and their renditions, and articles' lead images from it.

create table media (
    id                bigint generated always as identity primary key,
    -- random and unguessable: names the files (/media/{storage_key}/...), so an embargoed
    -- story's pictures cannot be found by counting ids
    storage_key       text not null unique,
    filename          text not null,
    type              text not null check (type in ('jpeg', 'png', 'webp', 'gif')),
    -- as shown, after the EXIF orientation
    width             int not null check (width > 0),
    height            int not null check (height > 0),
    bytes             bigint not null,
    rendition_type    text not null check (rendition_type in ('jpeg', 'png')),
    rendition_widths  int[] not null,
    rendition_heights int[] not null,
    alt               text not null default '',
    caption           text not null default '',
    credit            text not null default '',
    uploaded_by       bigint references staff_user (id) on delete set null,
    created_at        timestamptz not null default now(),
    check (cardinality(rendition_widths) = cardinality(rendition_heights))
);
create index media_created_idx on media (created_at desc, id desc);

-- A lead image from the library. The image stays while an article uses it.
alter table article add column image_media_id bigint references media (id);
create index article_image_media_idx on article (image_media_id) where image_media_id is not null;
