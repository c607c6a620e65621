import { afterAll, beforeAll, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultAnswer } from '../fakes/model-server.ts';
import { startFakeGemini, type FakeGemini } from '../fakes/gemini-server.ts';
import { closeBrowser, describeInBrowser, openRun, stepsOfOneRun, type Actor, type BrowserRun } from './support/browser.ts';
import { messagesFor, type Messages } from './support/messages.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { button, field, link, menuLink, onPage, waitForText } from './support/ui.ts';
import { e2eApi, PASSWORD } from './support/api.ts';

// Chat with translation and the "describe who you need" box, on a phone (390x844), in Korean. The server
// runs with AI_PROVIDER=gemini against the local Gemini stand-in (test/fakes/gemini-server.ts): it reads
// the family's sentence into filters, and translates the family's Korean for the caregiver, whose
// preferredLanguage is Chinese. The accounts and the approved profile are made through the API (the
// journey suite covers those screens); everything after is the screens only, two browser contexts.

describeInBrowser('chat and the describe box in Chromium (ko, phone)', { timeout: 60_000 }, () => {
  let server: E2EServer | undefined;
  let gemini: FakeGemini | undefined;
  let run: BrowserRun | undefined;
  let family: Actor;
  let caregiver: Actor;
  let m: Messages;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const n = Math.floor(1000 + Math.random() * 9000);
  const people = {
    family: { name: `이보람 ${n}`, email: `chat-family-${tag}@example.com` },
    caregiver: { name: `王芳 ${n}`, email: `chat-caregiver-${tag}@example.com` },
  };
  let caregiverId = '';

  const { call: callApi, signUp } = e2eApi(() => server!.baseUrl);

  beforeAll(async () => {
    m = await messagesFor('ko');
    gemini = await startFakeGemini();
    // Search requests get these filters (structured output); translations the stand-in's default text.
    gemini.answerWith((call) => (call.json ? JSON.stringify({ sido: '서울', sigungu: '강남', serviceType: ['DEMENTIA'], gender: 'FEMALE' }) : defaultAnswer(call)));
    server = await startE2EServer({ AI_PROVIDER: 'gemini', GEMINI_API_KEY: gemini.apiKey, GEMINI_API_URL: gemini.url, GEMINI_MODEL: 'gemini-stand-in' });

    await signUp('GUARDIAN', people.family.name, people.family.email);
    const caregiverToken = await signUp('CAREGIVER', people.caregiver.name, people.caregiver.email, { preferredLanguage: 'zh' });
    const profile = await callApi<{ id: string }>('/caregivers', {
      token: caregiverToken,
      body: {
        displayName: people.caregiver.name,
        gender: 'FEMALE',
        birthYear: 1968,
        careerYears: 15,
        introduction: '연변에서 온 요양보호사입니다. 치매 어르신 돌봄 15년.',
        certificates: [{ type: 'CARE_WORKER', number: '2011-000111' }],
        regions: [{ sido: '서울', sigungu: '강남' }],
        serviceTypes: ['HOSPITAL', 'DEMENTIA'],
        languages: ['zh', 'ko'],
        hourlyRate: 15000,
        dailyRate: 140000,
      },
    });
    caregiverId = profile.id;
    const adminToken = await signUp('ADMIN', `관리자 ${n}`, `chat-admin-${tag}@example.com`, { adminSecret: server.adminSecret });
    await callApi(`/admin/caregivers/${caregiverId}/approve`, { method: 'POST', token: adminToken });

    run = await openRun('chat-ko-phone', 'phone', server.baseUrl);
    family = await run.actor('family');
    caregiver = await run.actor('caregiver');
  }, 180_000);

  afterAll(async () => {
    await run?.close();
    await closeBrowser();
    await server?.close();
    await gemini?.close();
  });

  stepsOfOneRun(
    () => run,
    () => [family, caregiver],
  );

  const nav = (page: Page, key: string) => menuLink(page, m.common('nav.label'), m.common(key));
  const conversation = (page: Page) => page.getByRole('list', { name: m.chat('conversation.history'), exact: true });

  async function logIn(page: Page, email: string, next: string): Promise<void> {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await onPage(page, m.auth('login.title'));
    await field(page, m.auth('login.email')).fill(email);
    await field(page, m.auth('login.password')).fill(PASSWORD);
    await button(page, m.auth('login.submit')).click();
  }

  it('a family describes who they need and edits the understood conditions', async () => {
    const { page } = family;
    await page.goto('/');
    await onPage(page, m.family('search.title'));
    await field(page, m.family('describe.label')).fill('강남에 사시는 치매 어머니를 돌봐 줄 여자 간병인');
    await button(page, m.family('describe.submit')).click();
    const chips = page.getByRole('list', { name: m.family('describe.chipsLabel'), exact: true });
    await chips.waitFor();
    await link(page, m.family('card.view', people.caregiver.name)).waitFor();
    await waitForText(page.getByRole('region', { name: m.family('describe.understood'), exact: true }), m.family('describe.interpretedBy', 'gemini'));
    await family.shot('describe-understood');
    await button(chips, m.family('describe.remove', m.common('gender.FEMALE'))).click();
    await page.waitForURL((url) => !url.searchParams.has('gender') && url.searchParams.get('sigungu') === '강남구');
    await link(page, m.family('card.view', people.caregiver.name)).waitFor();
    await family.shot('describe-chip-removed');
  });

  it('the family opens the chat from the caregiver page and sends a message', async () => {
    const { page } = family;
    await logIn(page, people.family.email, `/caregivers/${caregiverId}`);
    await onPage(page, people.caregiver.name);
    await button(page, m.chat('entry.message')).click();
    await onPage(page, m.chat('conversation.title', people.caregiver.name));
    await waitForText(page.getByRole('complementary', { name: m.chat('translation.title'), exact: true }), 'gemini');
    await field(page, m.chat('conversation.input')).fill('안녕하세요, 내일 아침 9시에 병원에서 뵙겠습니다.');
    await button(page, m.chat('conversation.send')).click();
    await waitForText(conversation(page), m.chat('conversation.sent'));
    await family.shot('message-sent');
  });

  it('the caregiver (zh) sees the unread badge, reads the translation and the original, and answers with a quick phrase', async () => {
    const { page } = caregiver;
    await logIn(page, people.caregiver.email, '/caregiver');
    await nav(page, 'nav.chat').click();
    await onPage(page, m.chat('rooms.title'));
    await link(page, m.chat('rooms.open', people.family.name, m.chat('rooms.unread', 1))).click();
    await onPage(page, m.chat('conversation.title', people.family.name));
    await waitForText(conversation(page), 'translated(');
    await caregiver.shot('translation');
    await button(conversation(page), m.chat('conversation.showOriginal')).click();
    await waitForText(conversation(page), '안녕하세요, 내일 아침 9시에 병원에서 뵙겠습니다.');
    await page.getByText(m.chat('phrases.title'), { exact: true }).click();
    await button(page, '我到了。').click();
    // Confirmed by the server: sent, or already read (the family has the conversation open).
    const state = new RegExp(`^(${m.chat('conversation.sent')}|${m.chat('conversation.read')})$`);
    await conversation(page).locator('.chat-mine').getByText(state).waitFor();
    await caregiver.shot('phrase-sent');
  });

  it('the family sees the answer live in Korean and their message read', async () => {
    const { page } = family;
    await waitForText(conversation(page), '도착했습니다.');
    await waitForText(conversation(page), m.chat('conversation.read'));
    await waitForText(page.getByRole('log'), '도착했습니다.');
    await family.shot('answer-received');
  });
});
