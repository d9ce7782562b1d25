import { Controls, Description, Heading, Primary, Source, Stories, Subtitle, Title, useOf } from '@storybook/addon-docs/blocks';
import { createElement as h, Fragment } from 'react';
import { embedSnippet } from '../stories/support/embed.ts';

/**
 * Every element's docs page (autodocs): its description, the main story, the table the
 * custom-elements manifest fills — attributes, properties, events, slots, parts and CSS properties —
 * a copy-paste embed snippet, then every story.
 */
export function DocsPage() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const tag = typeof preparedMeta.component === 'string' ? preparedMeta.component : undefined;
  return h(
    Fragment,
    null,
    h(Title),
    h(Subtitle),
    h(Description),
    h(Primary),
    h(Controls),
    tag ? h(Fragment, null, h(Heading, null, 'Embed'), h(Source, { code: embedSnippet(tag), language: 'html', dark: true })) : null,
    h(Stories),
  );
}
