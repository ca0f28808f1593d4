import { Body } from '@react-email/body';
import { Button } from '@react-email/button';
import { Container } from '@react-email/container';
import { Head } from '@react-email/head';
import { Heading } from '@react-email/heading';
import { Hr } from '@react-email/hr';
import { Html } from '@react-email/html';
import { Link } from '@react-email/link';
import { Preview } from '@react-email/preview';
import { Section } from '@react-email/section';
import { Text } from '@react-email/text';
import type { ReactNode } from 'react';
import type { RenderContext } from './localized';

const FOOTER = {
  vi: {
    staff: 'Thư tự động từ hệ thống quản lý nhà đầu tư của',
    investor: 'Quý vị nhận thư này vì đã liên hệ với',
    unsubscribe: 'Ngừng nhận thư',
  },
  en: {
    staff: 'An automatic message from the investor relations system of',
    investor: 'You receive this email because you are in contact with',
    unsubscribe: 'Unsubscribe',
  },
} as const;

const styles = {
  body: { backgroundColor: '#f4f5f7', fontFamily: 'Arial, Helvetica, sans-serif', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', borderRadius: '6px', maxWidth: '560px', padding: '24px 32px' },
  agency: { color: '#1c4e80', fontSize: '13px', fontWeight: 'bold', letterSpacing: '0.02em', margin: '0 0 16px' },
  heading: { color: '#1f2933', fontSize: '20px', lineHeight: '28px', margin: '0 0 12px' },
  text: { color: '#1f2933', fontSize: '15px', lineHeight: '24px', margin: '0 0 12px' },
  button: {
    backgroundColor: '#1c4e80',
    borderRadius: '4px',
    color: '#ffffff',
    fontSize: '15px',
    fontWeight: 'bold',
    padding: '10px 18px',
    textDecoration: 'none',
  },
  listItem: { color: '#1f2933', fontSize: '15px', lineHeight: '22px', margin: '0 0 6px' },
  footer: { color: '#6b7280', fontSize: '12px', lineHeight: '18px', margin: '0 0 4px' },
} as const;

export interface LayoutProps {
  context: RenderContext;
  /** Shown by mail clients next to the subject. */
  preview: string;
  heading: string;
  children: ReactNode;
}

/** The frame of every email: agency name on top, the message, the agency's name and address below. */
export function Layout({ context, preview, heading, children }: LayoutProps) {
  const { language, agency, unsubscribeUrl } = context;
  const footer = FOOTER[language];
  return (
    <Html lang={language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.agency}>{agency.name[language]}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr />
          <Text style={styles.footer}>
            {unsubscribeUrl ? footer.investor : footer.staff} {agency.name[language]}
            {agency.address ? ` · ${agency.address}` : ''}
          </Text>
          {unsubscribeUrl ? (
            <Text style={styles.footer}>
              <Link href={unsubscribeUrl}>{footer.unsubscribe}</Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** Records as a list of links, one per line (plain-text readers get each label with its address). */
export function LinkList({ links }: { links: readonly { label: string; url: string }[] }) {
  return (
    <Section style={{ margin: '0 0 12px' }}>
      {links.map((link, index) => (
        <Text key={index} style={styles.listItem}>
          • <Link href={link.url}>{link.label}</Link>
        </Text>
      ))}
    </Section>
  );
}

export function Action({ href, label }: { href: string; label: string }) {
  return (
    <Section style={{ margin: '20px 0' }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
    </Section>
  );
}
