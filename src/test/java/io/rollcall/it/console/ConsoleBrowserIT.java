package io.rollcall.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rollcall.it.Api;
import io.rollcall.it.RollcallServer;
import io.rollcall.it.keycloak.KeycloakAdmin;
import io.rollcall.it.keycloak.KeycloakServer;
import io.rollcall.it.keycloak.RollcallWithKeycloak;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console in headless Chromium against the real bundle, signed in the real way: "Sign in with SSO" on the
 * console, Keycloak's login form, Rollcall's OIDC callback, which accepts the person's pending invite and sets the
 * {@code rollcall_session} cookie. Each test has its own workspace, Keycloak client and people. Every page visited is
 * checked with axe-core and saved as a screenshot under target/console-screenshots.
 */
class ConsoleBrowserIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static RollcallServer rollcall;
    private static KeycloakServer keycloak;
    private static KeycloakAdmin keycloakAdmin;
    private static Api bootstrapOwner;

    @BeforeAll
    static void startServers() {
        ConsoleBrowser.assumeInstalled();
        RollcallWithKeycloak servers = RollcallWithKeycloak.start();
        rollcall = servers.rollcall();
        keycloak = servers.keycloak();
        keycloakAdmin = servers.keycloakAdmin();
        bootstrapOwner = servers.owner();
    }

    @AfterAll
    static void stopRollcall() {
        if (rollcall != null) {
            rollcall.stop();
        }
    }

    @Test
    void ownerSignsInAndManagesMembersInvitesAndRolesFromTheUsersPage() {
        Workspace ws = workspace("users");
        Person owner = ws.person("owner", "owner");
        String bob = ws.scimMember("Bob Builder");
        String carol = ws.scimMember("Carol Danvers");
        try (ConsoleBrowser browser = ConsoleBrowser.open(1280)) {
            signIn(browser, ws, owner);
            browser.waitFor(By.xpath("//td[normalize-space()='" + bob + "']"));
            browser.screenshot("users");
            browser.assertAccessible("Users");
            // The owner's own invite was accepted at sign-in: a member now, no longer under Pending invites.
            By invites = By.cssSelector("section[aria-labelledby='invites-h']");
            browser.waitForText(invites, "Pending invites");
            assertThat(browser.driver.findElement(invites).getText()).doesNotContain(owner.email());
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/invites?state=accepted")
                            .body())
                    .contains(owner.email());
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/invites?state=pending,expired")
                            .body())
                    .doesNotContain(owner.email());
            Api.Reply unknownState = ws.owner.get("/api/v1/workspaces/" + ws.id + "/invites?state=sent");
            assertThat(unknownState.status()).isEqualTo(400);
            assertThat(unknownState.body()).contains("\"field\":\"state\"");

            // Server-side search.
            browser.waitFor(By.name("q")).sendKeys("carol", Keys.ENTER);
            browser.wait.until(
                    ExpectedConditions.invisibilityOfElementLocated(By.xpath("//td[normalize-space()='" + bob + "']")));
            assertThat(browser.driver.findElements(By.xpath("//td[normalize-space()='" + carol + "']")))
                    .hasSize(1);
            browser.driver.findElement(By.name("q")).clear();
            browser.driver.findElement(By.name("q")).sendKeys(Keys.ENTER);
            browser.waitFor(By.xpath("//td[normalize-space()='" + bob + "']"));

            // Invite exactly one person with one role, then revoke it.
            String invitee = "invitee-" + hex() + "@example.com";
            browser.click(By.xpath("//button[normalize-space()='Invite']"));
            WebElement dialog = browser.waitFor(By.cssSelector("dialog[open]"));
            assertThat(dialog.findElements(By.cssSelector("input[type=email]"))).hasSize(1);
            dialog.findElement(By.cssSelector("input[type=email]")).sendKeys(invitee);
            new Select(dialog.findElement(By.name("role"))).selectByValue("operator");
            browser.screenshot("users-invite-dialog");
            browser.assertAccessible("Invite dialog");
            dialog.findElement(By.xpath(".//button[normalize-space()='Send invite']"))
                    .click();
            // Without a mail server the API hands the invite token to the owner, shown once in its own dialog.
            browser.waitForText(By.cssSelector("dialog[open]"), "Invite created");
            String firstToken = browser.driver
                    .findElement(By.cssSelector("dialog[open] pre.secret"))
                    .getText();
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Close']"));
            By inviteRow = By.xpath("//tr[td[normalize-space()='" + invitee + "']]");
            browser.waitForText(inviteRow, "pending");
            assertThat(ws.owner.get("/api/v1/workspaces/" + ws.id + "/invites").body())
                    .contains(invitee);
            // Resend issues a new token (the old link stops working), again shown once.
            browser.click(By.xpath("//button[@aria-label='Resend the invite to " + invitee + "']"));
            browser.waitForText(By.cssSelector("dialog[open]"), "Invite sent again");
            String secondToken = browser.driver
                    .findElement(By.cssSelector("dialog[open] pre.secret"))
                    .getText();
            assertThat(secondToken).startsWith("rci_").isNotEqualTo(firstToken);
            assertThat(firstToken).startsWith("rci_");
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Close']"));
            browser.waitForText(inviteRow, "pending");
            browser.click(By.xpath("//button[@aria-label='Revoke the invite to " + invitee + "']"));
            // Pending invites lists open invites only: the revoked one leaves it (the API still has it, as revoked).
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(inviteRow));
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/invites?state=revoked")
                            .body())
                    .contains(invitee);

            // Change Bob's role through the row's ⋮ menu.
            rowAction(browser, bob, "Change role");
            WebElement roleDialog = browser.waitFor(By.cssSelector("dialog[open]"));
            new Select(roleDialog.findElement(By.name("role"))).selectByValue("creator");
            roleDialog
                    .findElement(By.xpath(".//button[normalize-space()='Save']"))
                    .click();
            browser.waitForText(memberRow(bob), "Creator");
            assertThat(ws.member(bob).path("role").asText()).isEqualTo("creator");

            // Keyboard only: the Invite dialog closes on Escape and gives focus back; Carol is deactivated through
            // her ⋮ menu with Enter and the arrow keys.
            browser.waitFor(By.xpath("//button[normalize-space()='Invite']")).sendKeys(Keys.ENTER);
            browser.waitFor(By.cssSelector("dialog[open] input[type=email]"));
            assertThat(browser.driver.switchTo().activeElement().getAttribute("type"))
                    .isEqualTo("email");
            new org.openqa.selenium.interactions.Actions(browser.driver)
                    .sendKeys(Keys.ESCAPE)
                    .perform();
            browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
            assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Invite");
            browser.waitFor(By.cssSelector("button.kebab[aria-label='Actions for " + carol + "']"))
                    .sendKeys(Keys.ENTER);
            browser.wait.until(
                    d -> "Change role".equals(d.switchTo().activeElement().getText()));
            new org.openqa.selenium.interactions.Actions(browser.driver)
                    .sendKeys(Keys.ARROW_DOWN)
                    .perform();
            assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Deactivate");
            new org.openqa.selenium.interactions.Actions(browser.driver)
                    .sendKeys(Keys.ENTER)
                    .perform();
            browser.waitForText(memberRow(carol), "Deactivated");
            assertThat(ws.member(carol).path("active").asBoolean()).isFalse();
            rowAction(browser, carol, "Reactivate");
            browser.waitForText(memberRow(carol), "Active");

            // Delete Bob: the confirmation names him.
            rowAction(browser, bob, "Delete");
            WebElement confirm = browser.waitFor(By.cssSelector("dialog[open]"));
            assertThat(confirm.getText()).contains("Delete " + bob + "?");
            browser.screenshot("users-delete-confirmation");
            confirm.findElement(By.xpath(".//button[normalize-space()='Delete " + bob + "']"))
                    .click();
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(memberRow(bob)));
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/members?q=" + "bob")
                            .json()
                            .path("total")
                            .asInt())
                    .isZero();

            // The founder leaves; deleting the last owner (the signed-in one) is refused, and the refusal is shown.
            String me = ws.displayNameOf(owner.email());
            String founder = ws.founderName();
            // An owner marks another owner as break-glass (e-mail sign-in even while SSO is required), and back.
            rowAction(browser, founder, "Mark as break-glass");
            browser.waitForText(memberRow(founder), "Break-glass");
            assertThat(ws.member(ws.memberIdByName(founder)).path("breakGlass").asBoolean())
                    .isTrue();
            browser.screenshot("users-break-glass");
            rowAction(browser, founder, "Remove break-glass");
            browser.wait.until(ExpectedConditions.not(
                    ExpectedConditions.textToBePresentInElementLocated(memberRow(founder), "Break-glass")));
            assertThat(ws.member(ws.memberIdByName(founder)).path("breakGlass").asBoolean())
                    .isFalse();
            // The same switch in the owner's member panel, next to the fact it changes.
            browser.click(By.xpath("//td/button[normalize-space()='" + founder + "']"));
            browser.waitForText(By.id("break-glass-state"), "No");
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Mark as break-glass']"));
            browser.waitForText(By.id("break-glass-state"), "Yes");
            assertThat(ws.member(ws.memberIdByName(founder)).path("breakGlass").asBoolean())
                    .isTrue();
            browser.waitForText(memberRow(founder), "Break-glass");
            assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Remove break-glass");
            browser.screenshot("users-member-panel-break-glass");
            browser.assertAccessible("Member panel with break-glass");
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Remove break-glass']"));
            browser.waitForText(By.id("break-glass-state"), "No");
            assertThat(ws.member(ws.memberIdByName(founder)).path("breakGlass").asBoolean())
                    .isFalse();
            new org.openqa.selenium.interactions.Actions(browser.driver)
                    .sendKeys(Keys.ESCAPE)
                    .perform();
            browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
            rowAction(browser, founder, "Delete");
            browser.waitFor(By.cssSelector("dialog[open]"))
                    .findElement(By.cssSelector("button.danger"))
                    .click();
            browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(memberRow(founder)));
            rowAction(browser, me, "Delete");
            WebElement lastOwner = browser.waitFor(By.cssSelector("dialog[open]"));
            lastOwner.findElement(By.cssSelector("button.danger")).click();
            browser.waitForText(By.cssSelector("dialog[open] [role=alert]"), "owner");
            String shown = browser.driver
                    .findElement(By.cssSelector("dialog[open] [role=alert]"))
                    .getText();
            assertThat(shown).doesNotContain("{").doesNotContain("last-owner\"");
            browser.screenshot("users-last-owner-refused");
            new org.openqa.selenium.interactions.Actions(browser.driver)
                    .sendKeys(Keys.ESCAPE)
                    .perform();
            browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
            // The bootstrap owner's token no longer reaches this workspace: check through the console's own session.
            Object stillMember = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/me', {headers: {'X-Rollcall-Csrf': '1'}}).then(r => r.json()).then(me =>"
                    + " done(me.memberships.some(m => m.workspace === '" + ws.id + "' && m.active"
                    + " && m.role === 'owner')));");
            assertThat(stillMember).isEqualTo(true);

            // The member panel: effective permissions and what grants each.
            browser.click(By.xpath("//button[normalize-space()='" + carol + "']"));
            browser.waitForText(By.cssSelector("dialog[open]"), "members:read");
            assertThat(browser.driver
                            .findElement(By.cssSelector("dialog[open]"))
                            .getText())
                    .contains("direct role Viewer");
            browser.assertAccessible("Member panel");
            new org.openqa.selenium.interactions.Actions(browser.driver)
                    .sendKeys(Keys.ESCAPE)
                    .perform();

            // Sign out clears the session cookie (and reloads the page: wait until the old one is gone).
            WebElement before = browser.driver.findElement(By.tagName("h1"));
            browser.click(By.id("sign-out"));
            browser.wait.until(ExpectedConditions.stalenessOf(before));
            browser.waitFor(By.xpath("//button[normalize-space()='Sign in with SSO']"));
            assertThat(browser.driver.manage().getCookieNamed("rollcall_session"))
                    .isNull();
            browser.screenshot("sign-in");
            browser.assertAccessible("Sign-in");
        }
    }

    @Test
    void ownerManagesGroupsRolesSsoAndScimAndReadsTheAuditLog() throws Exception {
        Workspace ws = workspace("groups");
        Person owner = ws.person("gowner", "owner");
        String erin = ws.scimMember("Erin Static");
        String role = "vault-" + hex();
        String group = "Vault keepers " + hex();
        // Static and dynamic groups are separate name spaces: the dynamic group gets the static group's name.
        String dynamic = group;
        try (ConsoleBrowser browser = ConsoleBrowser.open(1280)) {
            signIn(browser, ws, owner);

            // Roles: presets are read-only; a custom role is created with the permission grid.
            page(browser, "Roles");
            assertThat(browser.driver.findElements(By.cssSelector("button.kebab[aria-label='Actions for role Owner']")))
                    .isEmpty();
            browser.click(By.xpath("//button[normalize-space()='Create role']"));
            WebElement roleDialog = browser.waitFor(By.cssSelector("dialog[open]"));
            roleDialog.findElement(By.name("id")).sendKeys(role);
            roleDialog.findElement(By.name("name")).sendKeys("Vault " + role);
            roleDialog
                    .findElement(By.cssSelector("input[value='secrets:read']"))
                    .click();
            browser.screenshot("roles-create-dialog");
            browser.assertAccessible("Create role dialog");
            roleDialog
                    .findElement(By.xpath(".//button[normalize-space()='Create']"))
                    .click();
            browser.waitFor(By.cssSelector("tr[data-role='" + role + "']"));
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/roles/" + role)
                            .json()
                            .path("permissions")
                            .toString())
                    .isEqualTo("[\"secrets:read\"]");
            browser.screenshot("roles");
            browser.assertAccessible("Roles");

            // Groups: a Static group with that role and one member, added through "Add members".
            page(browser, "Groups");
            browser.click(By.xpath("//button[normalize-space()='Create group']"));
            WebElement create = browser.waitFor(By.cssSelector("dialog[open]"));
            create.findElement(By.name("name")).sendKeys(group);
            new Select(create.findElement(By.name("role"))).selectByValue(role);
            browser.assertAccessible("Create group dialog");
            create.findElement(By.xpath(".//button[normalize-space()='Create']"))
                    .click();
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Add members']"));
            browser.waitFor(By.name("memberSearch")).sendKeys("erin", Keys.ENTER);
            browser.click(By.cssSelector("dialog[open] button[aria-label='Add " + erin + "']"));
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Save']"));
            By staticRow = By.xpath("//tr[td[normalize-space()='" + group + "']]");
            browser.waitForText(staticRow, "Static");
            browser.wait.until(d -> d.findElement(staticRow)
                    .findElements(By.tagName("td"))
                    .get(4)
                    .getText()
                    .equals("1"));
            String groupId = browser.driver.findElement(staticRow).getAttribute("data-group");
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/groups/" + groupId + "/members")
                            .body())
                    .contains("MANUAL");

            // A Dynamic group with a claim rule, and a dry run of the rules.
            browser.click(By.xpath("//button[normalize-space()='Create group']"));
            WebElement createDynamic = browser.waitFor(By.cssSelector("dialog[open]"));
            createDynamic.findElement(By.name("name")).sendKeys(dynamic);
            createDynamic.findElement(By.cssSelector("input[value='DYNAMIC']")).click();
            createDynamic
                    .findElement(By.xpath(".//button[normalize-space()='Create']"))
                    .click();
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Add claim rules']"));
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Add rule']"));
            browser.waitFor(By.cssSelector("dialog[open] .rule input[name=value]"))
                    .sendKeys("/engineering");
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Save rules']"));
            browser.waitForText(By.cssSelector("dialog[open]"), "Rules saved.");
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Test rules']"));
            browser.waitForText(By.cssSelector("dialog[open]"), "would be in " + dynamic);
            browser.screenshot("groups-dynamic-rules");
            browser.assertAccessible("Dynamic group members and rules");
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Close']"));
            By dynamicRow = By.xpath("//tr[@data-type='DYNAMIC' and td[normalize-space()='" + dynamic + "']]");
            browser.waitForText(dynamicRow, "Dynamic");
            // Both rows, each with its badge (in a wait: the table may re-render while it is read).
            browser.wait.until(d -> d.findElements(By.xpath("//tr[td[normalize-space()='" + group + "']]")).stream()
                    .map(row -> row.findElements(By.tagName("td")).get(1).getText())
                    .sorted()
                    .toList()
                    .equals(List.of("Dynamic", "Static")));
            browser.screenshot("groups");
            browser.assertAccessible("Groups");

            // The role is in use by the group: deleting it is refused in place, with the API's detail.
            page(browser, "Roles");
            browser.click(By.cssSelector("button.kebab[aria-label='Actions for role Vault " + role + "']"));
            browser.click(By.xpath("//ul[@role='menu' and not(@hidden)]//button[normalize-space()='Delete']"));
            browser.click(By.cssSelector("dialog[open] button.danger"));
            browser.waitForText(By.cssSelector("dialog[open] [role=alert]"), "is still the role of");
            new org.openqa.selenium.interactions.Actions(browser.driver)
                    .sendKeys(Keys.ESCAPE)
                    .perform();
            browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/roles/" + role)
                            .status())
                    .isEqualTo(200);

            // An unused custom role is created and deleted.
            String spare = "spare-" + hex();
            browser.click(By.xpath("//button[normalize-space()='Create role']"));
            WebElement spareDialog = browser.waitFor(By.cssSelector("dialog[open]"));
            spareDialog.findElement(By.name("id")).sendKeys(spare);
            spareDialog.findElement(By.name("name")).sendKeys("Spare " + spare);
            spareDialog
                    .findElement(By.cssSelector("input[value='events:read']"))
                    .click();
            spareDialog
                    .findElement(By.xpath(".//button[normalize-space()='Create']"))
                    .click();
            browser.waitFor(By.cssSelector("tr[data-role='" + spare + "']"));
            browser.click(By.cssSelector("button.kebab[aria-label='Actions for role Spare " + spare + "']"));
            browser.click(By.xpath("//ul[@role='menu' and not(@hidden)]//button[normalize-space()='Delete']"));
            browser.click(By.cssSelector("dialog[open] button.danger"));
            browser.wait.until(
                    ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-role='" + spare + "']")));
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/roles/" + spare)
                            .status())
                    .isEqualTo(404);

            // SSO & SCIM: SAML from the IdP's metadata XML, then a SCIM token created (shown once) and revoked.
            page(browser, "SSO & SCIM");
            browser.waitForText(By.tagName("main"), "/sso/" + ws.id + "/saml/acs");
            browser.screenshot("sso-scim");
            browser.assertAccessible("SSO & SCIM");
            keycloakAdmin.createSamlClient(
                    rollcall.baseUrl() + "/sso/" + ws.id + "/saml/metadata",
                    rollcall.baseUrl() + "/sso/" + ws.id + "/saml/acs");
            String metadata = HTTP.send(
                            HttpRequest.newBuilder(URI.create(keycloak.realmUrl() + "/protocol/saml/descriptor"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            browser.click(By.xpath("//button[normalize-space()='Configure SAML']"));
            WebElement saml = browser.waitFor(By.cssSelector("dialog[open]"));
            browser.driver.executeScript(
                    "arguments[0].value = arguments[1];", saml.findElement(By.name("metadataXml")), metadata);
            saml.findElement(By.xpath(".//button[normalize-space()='Save']")).click();
            browser.waitForText(By.tagName("main"), "IdP entity id");
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/sso")
                            .json()
                            .path("type")
                            .asText())
                    .isEqualTo("saml");

            browser.waitFor(By.name("tokenName")).sendKeys("okta-console");
            browser.click(By.xpath("//button[normalize-space()='Create SCIM token']"));
            String token = browser.waitFor(By.id("new-scim-token")).getText();
            assertThat(token).startsWith("rcs_");
            Api scim = new Api(rollcall.baseUrl(), token);
            assertThat(scim.get("/scim/v2/Users").status()).isEqualTo(200);
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Done']"));
            browser.click(By.cssSelector("button[aria-label='Revoke SCIM token okta-console']"));
            browser.click(By.cssSelector("dialog[open] button.danger"));
            By tokenRow = By.xpath("//tr[td[normalize-space()='okta-console']]");
            browser.waitForText(tokenRow, "revoked");
            // The list says who created the token and that it was used (the GET above).
            assertThat(browser.driver.findElement(tokenRow).getText())
                    .contains(owner.email())
                    .doesNotContain("never");
            assertThat(scim.get("/scim/v2/Users").status()).isEqualTo(401);

            // sso.required (owner only): e-mail sign-in refused except for break-glass owners.
            By ssoRequired = By.cssSelector("section[aria-labelledby='sso-required-h']");
            browser.waitFor(By.name("ssoRequired")).click();
            browser.click(By.xpath("//section[@aria-labelledby='sso-required-h']//button[normalize-space()='Save']"));
            browser.waitForText(ssoRequired, "Saved: SSO is required.");
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id)
                            .json()
                            .path("sso")
                            .path("required")
                            .asBoolean())
                    .isTrue();
            browser.screenshot("sso-required");
            browser.assertAccessible("SSO & SCIM with SSO required");

            // Audit log, filtered by action.
            page(browser, "Audit log");
            browser.waitForText(By.tagName("main"), "group.created");
            browser.waitFor(By.name("action")).sendKeys("scim-token.revoked", Keys.ENTER);
            browser.wait.until(d -> {
                List<WebElement> actions = d.findElements(By.cssSelector("main tbody td:nth-child(3)"));
                return !actions.isEmpty()
                        && actions.stream().allMatch(a -> a.getText().equals("scim-token.revoked"));
            });
            browser.screenshot("audit");
            browser.assertAccessible("Audit log");

            // By actor, named by e-mail (not an id): only the signed-in owner's own changes, such as the role created.
            WebElement actionFilter = browser.driver.findElement(By.name("action"));
            actionFilter.clear();
            browser.waitFor(By.name("actorEmail"))
                    .sendKeys(owner.email().toUpperCase(java.util.Locale.ROOT), Keys.ENTER);
            browser.wait.until(d -> {
                List<WebElement> rows = d.findElements(By.cssSelector("main tbody tr"));
                return rows.size() > 1
                        && rows.stream()
                                .allMatch(r -> r.findElements(By.tagName("td")).size() == 5
                                        && r.findElements(By.tagName("td"))
                                                .get(1)
                                                .getText()
                                                .equals(owner.email()));
            });
            browser.waitForText(By.tagName("main"), "role.created");
            browser.driver.findElement(By.name("actorEmail")).clear();
            browser.driver.findElement(By.name("actorEmail")).sendKeys("nobody-" + hex() + "@example.com", Keys.ENTER);
            browser.waitForText(By.tagName("main"), "No events match.");
            Api.Reply both =
                    ws.owner.get("/api/v1/workspaces/" + ws.id + "/audit-events?actor=x&actorEmail=" + owner.email());
            assertThat(both.status()).isEqualTo(400);
            assertThat(both.body()).contains("\"field\":\"actorEmail\"");
        }
    }

    /** Follows a left-navigation link and waits for the page to render. */
    static void page(ConsoleBrowser browser, String title) {
        browser.click(By.xpath("//nav//a[normalize-space()='" + title + "']"));
        browser.waitFor(By.xpath("//h1[normalize-space()='" + title + "']"));
        browser.settle();
    }

    @Test
    void viewerSeesNoWriteControlsAndAForgedWriteIsRefused() {
        Workspace ws = workspace("viewer");
        Person viewer = ws.person("viewer", "viewer");
        String dora = ws.scimMember("Dora Explorer");
        try (ConsoleBrowser browser = ConsoleBrowser.open(800)) {
            signIn(browser, ws, viewer);
            browser.waitFor(By.xpath("//td[normalize-space()='" + dora + "']"));
            browser.screenshot("users-viewer-800px");
            browser.assertAccessible("Users as viewer");
            assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Invite']")))
                    .isEmpty();
            assertThat(browser.driver.findElements(By.cssSelector("button.kebab")))
                    .isEmpty();
            assertThat(browser.driver.findElements(By.xpath("//button[normalize-space()='Revoke']")))
                    .isEmpty();

            // A write forged from the console's own page, with the CSRF header: the server still says 403.
            Object status = browser.driver.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/api/v1/workspaces/" + ws.id
                            + "/invites', {method: 'POST', credentials: 'same-origin',"
                            + " headers: {'Content-Type': 'application/json', 'X-Rollcall-Csrf': '1'},"
                            + " body: JSON.stringify({email: 'forged@example.com', role: 'owner'})}).then(r => done(r.status));");
            assertThat(((Number) status).intValue()).isEqualTo(403);
            assertThat(ws.owner.get("/api/v1/workspaces/" + ws.id + "/invites").body())
                    .doesNotContain("forged@example.com");
        }
    }

    @Test
    void crossSitePostWithTheSessionCookieIsRefused() throws Exception {
        Workspace ws = workspace("csrf");
        Person owner = ws.person("csrfowner", "owner");
        try (ConsoleBrowser browser = ConsoleBrowser.open(1280)) {
            signIn(browser, ws, owner);
            Cookie session = browser.wait.until(d -> d.manage().getCookieNamed("rollcall_session"));
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Lax");
            String invites = "/api/v1/workspaces/" + ws.id + "/invites";

            // A form on another site posting to the admin API: the browser's request carries no usable session.
            browser.driver.get("about:blank");
            browser.driver.executeScript(
                    "const f = document.createElement('form'); f.method = 'POST';"
                            + " f.enctype = 'text/plain'; f.action = arguments[0];"
                            + " const i = document.createElement('input'); i.name = '{\"email\":\"csrf1@example.com\",\"x\":\"';"
                            + " i.value = '\",\"role\":\"owner\"}'; f.append(i); document.body.append(f); f.submit();",
                    rollcall.baseUrl() + invites);
            browser.wait.until(
                    d -> d.getCurrentUrl().startsWith(rollcall.baseUrl().toString()));
            assertThat(browser.driver.getPageSource()).doesNotContain("\"state\":\"PENDING\"");

            // The same cookie replayed by hand: without the console's header, or from a foreign Origin, 403 csrf.
            String body = "{\"email\":\"csrf2@example.com\",\"role\":\"owner\"}";
            HttpResponse<String> noHeader = cookiePost(invites, session.getValue(), body, Map.of());
            assertThat(noHeader.statusCode()).isEqualTo(403);
            assertThat(noHeader.body()).contains("\"code\":\"csrf\"");
            HttpResponse<String> foreign = cookiePost(
                    invites,
                    session.getValue(),
                    body,
                    Map.of("X-Rollcall-Csrf", "1", "Origin", "https://evil.example"));
            assertThat(foreign.statusCode()).isEqualTo(403);
            HttpResponse<String> crossSite = cookiePost(
                    invites, session.getValue(), body, Map.of("X-Rollcall-Csrf", "1", "Sec-Fetch-Site", "cross-site"));
            assertThat(crossSite.statusCode()).isEqualTo(403);
            String list = ws.owner.get(invites).body();
            assertThat(list).doesNotContain("csrf1@example.com").doesNotContain("csrf2@example.com");

            // The console's own call shape is accepted (the control that shows the checks are not refusing all).
            HttpResponse<String> own = cookiePost(
                    invites,
                    session.getValue(),
                    body,
                    Map.of(
                            "X-Rollcall-Csrf",
                            "1",
                            "Origin",
                            rollcall.baseUrl().toString().replaceAll("/$", "")));
            assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        }
    }

    @Test
    void aWorkspaceOfTenThousandMembersIsPagedAndSearchedOnTheServer() throws Exception {
        Workspace ws = workspace("big");
        Person owner = ws.person("bigowner", "owner");
        int seeded = 10_000;
        ws.seedMembers(seeded);
        ws.seedAuditEvents(seeded);
        String group = "Big static " + hex();
        assertThat(ws.owner
                        .post(
                                "/api/v1/workspaces/" + ws.id + "/groups",
                                "{\"name\":" + Api.q(group) + ",\"membershipType\":\"STATIC\"}")
                        .status())
                .isEqualTo(201);
        try (ConsoleBrowser browser = ConsoleBrowser.open(1280)) {
            signIn(browser, ws, owner);
            // The founder, the signed-in owner and the seeded members: the total comes from the server.
            int total = seeded + 2;
            String pages = "Page 1 of " + (total + 19) / 20 + " (" + total + " in all)";
            By members = By.cssSelector("section[aria-labelledby='members-h']");
            browser.waitForText(members, pages);
            assertThat(browser.driver.findElements(By.cssSelector("section[aria-labelledby='members-h'] tbody tr")))
                    .hasSize(20);
            browser.screenshot("users-10000-members");
            browser.click(By.xpath("//section[@aria-labelledby='members-h']//button[normalize-space()='Next']"));
            browser.waitForText(members, "Page 2 of " + (total + 19) / 20);

            // Member search runs on the server: one of 10,000.
            browser.waitFor(By.name("q")).sendKeys("seed-4242@", Keys.ENTER);
            browser.waitForText(members, "(1 in all)");
            assertThat(browser.driver.findElement(members).getText()).contains("Seed Person 4242");

            // "Add members" of a Static group searches the workspace: ten shown, and how many more there are.
            page(browser, "Groups");
            rowAction(browser, "static group " + group, "Manage members");
            browser.waitFor(By.name("memberSearch")).sendKeys("seed-1", Keys.ENTER);
            // seed-1, seed-10..19, seed-100..199, seed-1000..1999
            browser.waitForText(By.cssSelector("dialog[open]"), "Showing 10 of 1111 matches");
            assertThat(browser.driver.findElements(By.cssSelector("dialog[open] button[aria-label^='Add ']")))
                    .hasSize(10);
            WebElement add = browser.driver
                    .findElements(By.cssSelector("dialog[open] button[aria-label^='Add ']"))
                    .get(0);
            String added = add.getAttribute("aria-label").substring("Add ".length());
            add.click();
            browser.click(By.xpath("//dialog[@open]//button[normalize-space()='Save']"));
            browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
            browser.wait.until(d -> d.findElement(By.xpath("//tr[td[normalize-space()='" + group + "']]"))
                    .findElements(By.tagName("td"))
                    .get(4)
                    .getText()
                    .equals("1"));
            String groupId = browser.driver
                    .findElement(By.xpath("//tr[td[normalize-space()='" + group + "']]"))
                    .getAttribute("data-group");
            String memberId = ws.memberIdByName(added);
            assertThat(ws.owner
                            .get("/api/v1/workspaces/" + ws.id + "/groups/" + groupId + "/members")
                            .body())
                    .contains(memberId);

            // The audit log of 10,000 seeded events (and the real ones), 25 a page.
            page(browser, "Audit log");
            browser.waitForText(By.tagName("main"), "Page 1 of ");
            assertThat(browser.driver.findElements(By.cssSelector("main tbody tr")))
                    .hasSize(25);
            String pager =
                    browser.driver.findElement(By.cssSelector("main .pager")).getText();
            java.util.regex.Matcher inAll =
                    java.util.regex.Pattern.compile("\\((\\d+) in all\\)").matcher(pager);
            assertThat(inAll.find()).as(pager).isTrue();
            assertThat(Integer.parseInt(inAll.group(1))).isGreaterThan(seeded);
            browser.screenshot("audit-10000-events");

            // Never everything: every admin API call the console made asked for one page, and got a small answer.
            List<Map<String, Object>> calls = apiCalls(browser);
            assertThat(calls)
                    .extracting(c -> c.get("url").toString())
                    .anyMatch(u -> u.contains("/members?") && u.contains("q=seed-4242"))
                    .anyMatch(u -> u.contains("/members?") && u.contains("q=seed-1"))
                    .anyMatch(u -> u.contains("/audit-events?"));
            for (Map<String, Object> call : calls) {
                String url = call.get("url").toString();
                String path = URI.create(url).getPath();
                // Resource Timing records no method: the Save's POST (add a member) is the one call without a query.
                boolean addMemberPost = path.endsWith("/groups/" + groupId + "/members") && !url.contains("?");
                if (path.matches(".*/(members|invites|groups|audit-events)") && !addMemberPost) {
                    assertThat(url)
                            .as("a listing asks for one page")
                            .containsPattern("[?&]size=([1-9]|1\\d|2[0-5])(&|$)");
                }
                assertThat(((Number) call.get("bytes")).longValue()).as(url).isLessThan(64 * 1024);
            }
        }
    }

    /** The admin API calls the page made since it loaded (Resource Timing): url and decoded body size in bytes. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> apiCalls(ConsoleBrowser browser) {
        return (List<Map<String, Object>>) browser.driver.executeScript("return performance.getEntriesByType("
                + "'resource').filter(e => e.initiatorType === 'fetch' && new URL(e.name).pathname.startsWith("
                + "'/api/v1/')).map(e => ({url: e.name, bytes: e.decodedBodySize}));");
    }

    @Test
    void keyboardOnlyDialogsKeepFocusInsideCloseOnEscapeAndReturnFocus() {
        Workspace ws = workspace("keys");
        Person owner = ws.person("keyowner", "owner");
        String kim = ws.scimMember("Kim Keys");
        try (ConsoleBrowser browser = ConsoleBrowser.open(1280)) {
            signIn(browser, ws, owner);
            browser.waitFor(memberRow(kim));

            // Change role, from the row's ⋮ menu, by keyboard only.
            WebElement kebab = browser.waitFor(By.cssSelector("button.kebab[aria-label='Actions for " + kim + "']"));
            kebab.sendKeys(Keys.ENTER);
            browser.wait.until(
                    d -> "Change role".equals(d.switchTo().activeElement().getText()));
            keys(browser, Keys.ENTER);
            browser.waitFor(By.cssSelector("dialog[open]"));
            assertTabCycle(browser, "Change role");
            escapeReturnsFocusTo(browser, "Actions for " + kim);
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.wait.until(
                    d -> "Change role".equals(d.switchTo().activeElement().getText()));
            keys(browser, Keys.ENTER);
            browser.wait.until(d -> "role".equals(d.switchTo().activeElement().getAttribute("name")));
            browser.driver.switchTo().activeElement().sendKeys("Creator");
            keys(browser, Keys.TAB, Keys.TAB, Keys.ENTER); // Cancel, then Save
            browser.waitForText(memberRow(kim), "Creator");
            assertThat(ws.member(kim).path("role").asText()).isEqualTo("creator");

            // Delete confirmation: focus starts on Cancel (the safe choice); Escape deletes nothing.
            browser.waitFor(By.cssSelector("button.kebab[aria-label='Actions for " + kim + "']"))
                    .sendKeys(Keys.ENTER);
            browser.wait.until(
                    d -> "Change role".equals(d.switchTo().activeElement().getText()));
            keys(browser, Keys.ARROW_UP); // wraps to the last entry
            assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Delete");
            keys(browser, Keys.ENTER);
            browser.waitForText(By.cssSelector("dialog[open]"), "Delete " + kim);
            assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Cancel");
            assertTabCycle(browser, "Delete confirmation");
            escapeReturnsFocusTo(browser, "Actions for " + kim);
            assertThat(ws.memberIdByName(kim)).as("Escape deleted nothing").isNotBlank();

            // Create group: with neither SSO nor a SCIM token, Dynamic is disabled and says why.
            assertThat(ws.owner.delete("/api/v1/workspaces/" + ws.id + "/sso").status())
                    .isEqualTo(204);
            for (JsonNode token :
                    ws.owner.get("/api/v1/workspaces/" + ws.id + "/scim-tokens").json()) {
                assertThat(ws.owner
                                .delete("/api/v1/workspaces/" + ws.id + "/scim-tokens/"
                                        + token.path("id").asText())
                                .status())
                        .isEqualTo(204);
            }
            page(browser, "Groups");
            browser.waitFor(By.xpath("//button[normalize-space()='Create group']"))
                    .sendKeys(Keys.ENTER);
            WebElement dynamic = browser.waitFor(By.cssSelector("dialog[open] input[value='DYNAMIC']"));
            browser.wait.until(d -> !dynamic.isEnabled());
            String reasonId = dynamic.getAttribute("aria-describedby");
            assertThat(browser.driver.findElement(By.id(reasonId)).getText())
                    .contains("set up SSO or create a SCIM token");
            browser.screenshot("groups-create-dynamic-disabled");
            browser.assertAccessible("Create group dialog, Dynamic disabled");
            assertTabCycle(browser, "Create group");
            escapeReturnsFocusTo(browser, "Create group");
            // With a SCIM token, Dynamic can be chosen and the reason is gone.
            assertThat(ws.owner
                            .post("/api/v1/workspaces/" + ws.id + "/scim-tokens", "{\"name\":\"again\"}")
                            .status())
                    .isEqualTo(201);
            browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
            WebElement enabled = browser.waitFor(By.cssSelector("dialog[open] input[value='DYNAMIC']"));
            browser.settle();
            assertThat(enabled.isEnabled()).isTrue();
            assertThat(enabled.getAttribute("aria-describedby")).isNull();
            // Keyboard: a name, then the radio group by arrow key, and Enter creates it.
            browser.driver.switchTo().activeElement().sendKeys("Keyboard dynamic");
            keys(browser, Keys.TAB, Keys.TAB, Keys.ARROW_DOWN);
            assertThat(enabled.isSelected()).isTrue();
            assertTabCycle(browser, "Create group, Dynamic enabled");
            escapeReturnsFocusTo(browser, "Create group");

            // Custom role dialog: every permission checkbox is reached by Tab.
            page(browser, "Roles");
            browser.waitFor(By.xpath("//button[normalize-space()='Create role']"))
                    .sendKeys(Keys.ENTER);
            browser.waitFor(By.cssSelector("dialog[open] input[name=id]"));
            assertThat(browser.driver.switchTo().activeElement().getAttribute("name"))
                    .isEqualTo("id");
            int reached = assertTabCycle(browser, "Custom role");
            assertThat(reached)
                    .isGreaterThan(browser.driver
                            .findElements(By.cssSelector("dialog[open] input[name=permission]"))
                            .size());
            escapeReturnsFocusTo(browser, "Create role");
        }
    }

    static void keys(ConsoleBrowser browser, CharSequence... keys) {
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .sendKeys(keys)
                .perform();
    }

    /**
     * Tabs once round the open dialog: every control Tab should stop at (enabled, shown; of a radio group the checked
     * one) is reached, focus never leaves the dialog, and it wraps back to where it started; Shift+Tab goes back.
     * Returns how many controls there are.
     */
    @SuppressWarnings("unchecked")
    static int assertTabCycle(ConsoleBrowser browser, String dialogName) {
        browser.settle();
        WebElement dialog = browser.driver.findElement(By.cssSelector("dialog[open]"));
        List<WebElement> expected = (List<WebElement>) browser.driver.executeScript(
                "const d = arguments[0];"
                        + "return [...d.querySelectorAll('input, select, textarea, button, a[href]')].filter(c => !c.disabled"
                        + " && c.tabIndex >= 0 && c.getClientRects().length > 0 && !(c.type === 'radio' && !c.checked"
                        + " && d.querySelector(`input[type=radio][name=\"${c.name}\"]:checked`)));",
                dialog);
        WebElement start = browser.driver.switchTo().activeElement();
        List<WebElement> seen = new java.util.ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            WebElement active = browser.driver.switchTo().activeElement();
            assertThat((Boolean)
                            browser.driver.executeScript("return arguments[0].contains(arguments[1])", dialog, active))
                    .as(dialogName + ": focus stays in the dialog")
                    .isTrue();
            seen.add(active);
            keys(browser, Keys.TAB);
        }
        assertThat(seen)
                .as(dialogName + ": Tab reaches every control once")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(browser.driver.switchTo().activeElement())
                .as(dialogName + ": Tab wraps round")
                .isEqualTo(start);
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.TAB)
                .keyUp(Keys.SHIFT)
                .perform();
        assertThat(browser.driver.switchTo().activeElement())
                .as(dialogName + ": Shift+Tab goes back")
                .isEqualTo(seen.get(seen.size() - 1));
        keys(browser, Keys.TAB);
        return expected.size();
    }

    /** Escape closes the open dialog and focus is back on the control that opened it (by text or aria-label). */
    static void escapeReturnsFocusTo(ConsoleBrowser browser, String opener) {
        keys(browser, Keys.ESCAPE);
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("dialog[open]"), 0));
        WebElement active = browser.driver.switchTo().activeElement();
        assertThat(List.of(active.getText(), String.valueOf(active.getAttribute("aria-label"))))
                .contains(opener);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPageFitsAt800And1280PixelsWithItsPrimaryActionInReach() {
        Workspace ws = workspace("narrow");
        Person owner = ws.person("narrowowner", "owner");
        ws.scimMember("Nora Narrow-Window");
        Map<String, String> primary = Map.of(
                "Users",
                "Invite",
                "Groups",
                "Create group",
                "Roles",
                "Create role",
                "SSO & SCIM",
                "Create SCIM token",
                "Audit log",
                "Filter");
        for (int width : new int[] {800, 1280}) {
            try (ConsoleBrowser browser = ConsoleBrowser.open(width)) {
                signIn(browser, ws, owner);
                for (String title : List.of("Users", "Groups", "Roles", "SSO & SCIM", "Audit log")) {
                    page(browser, title);
                    browser.waitFor(By.cssSelector("main table"));
                    browser.settle();
                    Map<String, Object> fit = (Map<String, Object>)
                            browser.driver.executeScript("const m = document.getElementById('main');"
                                    + "return {page: document.scrollingElement.scrollWidth, view: window.innerWidth,"
                                    + " main: m.scrollWidth, mainBox: m.clientWidth};");
                    assertThat(((Number) fit.get("page")).intValue())
                            .as(title + " at " + width + " px: page width")
                            .isLessThanOrEqualTo(((Number) fit.get("view")).intValue());
                    assertThat(((Number) fit.get("main")).intValue())
                            .as(title + " at " + width + " px: main")
                            .isLessThanOrEqualTo(((Number) fit.get("mainBox")).intValue());
                    WebElement action =
                            browser.waitFor(By.xpath("//main//button[normalize-space()='" + primary.get(title) + "']"));
                    assertThat((Boolean) browser.driver.executeScript(
                                    "const b = arguments[0];"
                                            + " b.scrollIntoView({block: 'center'}); const r = b.getBoundingClientRect();"
                                            + " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                                            + " return r.left >= 0 && r.right <= window.innerWidth && (hit === b || b.contains(hit));",
                                    action))
                            .as(title + " at " + width + " px: " + primary.get(title) + " is on screen and"
                                    + " not covered")
                            .isTrue();
                    browser.screenshot(
                            title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-") + "-" + width + "px");
                }
                // The primary action works at this width: Invite opens its dialog, which fits too.
                page(browser, "Users");
                browser.click(By.xpath("//main//button[normalize-space()='Invite']"));
                WebElement dialog = browser.waitFor(By.cssSelector("dialog[open]"));
                assertThat(dialog.getRect().getX() + dialog.getRect().getWidth())
                        .isLessThanOrEqualTo(width);
                keys(browser, Keys.ESCAPE);
            }
        }
    }

    // ---- fixtures ----

    /** Selects a row's ⋮ menu entry. */
    static void rowAction(ConsoleBrowser browser, String name, String action) {
        browser.click(By.cssSelector("button.kebab[aria-label='Actions for " + name + "']"));
        browser.click(By.xpath("//ul[@role='menu' and not(@hidden)]//button[normalize-space()='" + action + "']"));
    }

    static By memberRow(String name) {
        return By.xpath("//tr[td/button[normalize-space()='" + name + "']]");
    }

    static void signIn(ConsoleBrowser browser, Workspace ws, Person person) {
        browser.driver.get(rollcall.baseUrl() + "/");
        WebElement field = browser.waitFor(By.name("workspace"));
        field.clear();
        field.sendKeys(ws.id);
        browser.screenshot("sign-in-form");
        browser.click(By.xpath("//button[normalize-space()='Sign in with SSO']"));
        browser.waitFor(By.id("username")).sendKeys(person.username);
        browser.driver.findElement(By.id("password")).sendKeys(person.password);
        browser.click(By.id("kc-login"));
        browser.waitFor(By.xpath("//h1[normalize-space()='Users']"));
        browser.settle();
    }

    static HttpResponse<String> cookiePost(String path, String session, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(rollcall.baseUrl().resolve(path))
                .header("Content-Type", "application/json")
                .header("Cookie", "rollcall_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Person(String username, String password, String email) {}

    /** A fresh workspace created by the bootstrap owner, signed in through an OIDC client of its own in Keycloak. */
    static Workspace workspace(String prefix) {
        String id = prefix + "-" + hex();
        Api owner = bootstrapOwner;
        assertThat(owner.post(
                                "/api/v1/workspaces",
                                "{\"id\":" + Api.q(id) + ",\"name\":" + Api.q("Console " + id) + "}")
                        .status())
                .isEqualTo(201);
        String clientId = "console-" + id;
        keycloakAdmin.createOidcClient(clientId, "secret-" + id, rollcall.baseUrl() + "/sso/" + id + "/oidc/callback");
        Api.Reply sso = owner.put(
                "/api/v1/workspaces/" + id + "/sso",
                "{\"type\":\"oidc\",\"issuer\":"
                        + Api.q(keycloak.realmUrl()) + ",\"clientId\":" + Api.q(clientId) + ",\"clientSecret\":"
                        + Api.q("secret-" + id) + ",\"groupsClaim\":\"groups\"}");
        assertThat(sso.status()).as(sso.toString()).isEqualTo(200);
        Api.Reply token = owner.post("/api/v1/workspaces/" + id + "/scim-tokens", "{\"name\":\"console-it\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        return new Workspace(id, owner, token.json().path("token").asText());
    }

    record Workspace(String id, Api owner, String scimToken) {

        /** A Keycloak user invited to this workspace with the given role (the invite is accepted at SSO sign-in). */
        Person person(String prefix, String role) {
            String username = prefix + hex();
            String email = username + "@example.com";
            keycloakAdmin.createUser(username, email, "pw-" + username, List.of());
            Api.Reply invite = owner.post(
                    "/api/v1/workspaces/" + id + "/invites",
                    "{\"email\":" + Api.q(email) + ",\"role\":" + Api.q(role) + "}");
            assertThat(invite.status()).as(invite.toString()).isEqualTo(201);
            return new Person(username, "pw-" + username, email);
        }

        /** A member provisioned through SCIM, as an IdP connector would; returns its display name. */
        String scimMember(String displayName) {
            String email =
                    displayName.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "-" + hex() + "@example.com";
            String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":" + Api.q(email)
                    + ",\"displayName\":" + Api.q(displayName) + ",\"emails\":[{\"value\":" + Api.q(email)
                    + ",\"primary\":true}],\"active\":true}";
            Api.Reply created = new Api(rollcall.baseUrl(), scimToken)
                    .send("POST", "/scim/v2/Users", body, "application/scim+json");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return displayName;
        }

        /** Inserts {@code count} SCIM-origin viewers "Seed Person n" (seed-n@big.example) in batches, by SQL. */
        void seedMembers(int count) throws java.sql.SQLException {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
            try (Connection c = rollcall.jdbc();
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO member"
                                    + " (id, workspace_id, role_id, user_name, user_name_lower, display_name, active, origin,"
                                    + " created_at, updated_at, version) VALUES (?, ?, 'viewer', ?, ?, ?, TRUE, 'SCIM', ?, ?, 1)")) {
                c.setAutoCommit(false);
                for (int n = 0; n < count; n++) {
                    String userName = "seed-" + n + "@big.example";
                    insert.setString(1, java.util.UUID.randomUUID().toString());
                    insert.setString(2, id);
                    insert.setString(3, userName);
                    insert.setString(4, userName);
                    insert.setString(5, "Seed Person " + n);
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                    if (n % 2000 == 1999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }

        /** Inserts {@code count} audit events of a SCIM token, a second apart (the newest an hour ago), by SQL. */
        void seedAuditEvents(int count) throws java.sql.SQLException {
            LocalDateTime newest = LocalDateTime.now(ZoneOffset.UTC).minusHours(1);
            try (Connection c = rollcall.jdbc();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO"
                            + " audit_event (id, workspace_id, occurred_at, actor_type, actor_id, actor_label, action,"
                            + " target_type, target_id) VALUES (?, ?, ?, 'SCIM_TOKEN', 'seed', 'seed', 'scim.user.created',"
                            + " 'member', ?)")) {
                c.setAutoCommit(false);
                for (int n = 0; n < count; n++) {
                    insert.setString(1, java.util.UUID.randomUUID().toString());
                    insert.setString(2, id);
                    insert.setTimestamp(3, Timestamp.valueOf(newest.minusSeconds(n)));
                    insert.setString(4, "seed-" + n);
                    insert.addBatch();
                    if (n % 2000 == 1999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }

        JsonNode member(String idOrName) {
            String memberId = idOrName.contains(" ") ? memberIdByName(idOrName) : idOrName;
            return owner.get("/api/v1/workspaces/" + id + "/members/" + memberId)
                    .json();
        }

        String memberIdByName(String displayName) {
            String search = "/api/v1/workspaces/" + id + "/members?size=100&q="
                    + java.net.URLEncoder.encode(displayName, java.nio.charset.StandardCharsets.UTF_8);
            for (JsonNode m : owner.get(search).json().path("items")) {
                String name = m.path("displayName").isTextual()
                        ? m.path("displayName").asText()
                        : m.path("userName").asText();
                if (name.equals(displayName)) {
                    return m.path("id").asText();
                }
            }
            throw new AssertionError("no member named " + displayName);
        }

        /** The name the console shows for the member with this e-mail. */
        String displayNameOf(String email) {
            for (JsonNode m : owner.get("/api/v1/workspaces/" + id + "/members?size=100")
                    .json()
                    .path("items")) {
                if (email.equalsIgnoreCase(m.path("email").asText())) {
                    return m.path("displayName").isTextual()
                            ? m.path("displayName").asText()
                            : m.path("userName").asText();
                }
            }
            throw new AssertionError("no member with e-mail " + email);
        }

        /** The name the console shows for the bootstrap owner (the workspace's founder). */
        String founderName() {
            for (JsonNode m : owner.get("/api/v1/workspaces/" + id + "/members?size=100")
                    .json()
                    .path("items")) {
                if ("FOUNDER".equals(m.path("origin").asText())) {
                    return m.path("displayName").isTextual()
                            ? m.path("displayName").asText()
                            : m.path("userName").asText();
                }
            }
            throw new AssertionError("no founder in " + id);
        }
    }

    static String hex() {
        return Integer.toHexString(RANDOM.nextInt(0x1000000));
    }

    static URI base() {
        return rollcall.baseUrl();
    }
}
