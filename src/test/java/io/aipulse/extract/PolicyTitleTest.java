package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The document a policy's title line names. */
class PolicyTitleTest {

    @Test
    void aNoticeThatIssuesADocumentNamesTheDocument() {
        assertThat(PolicyRule.issuedDocument("关于印发 数据要素行动方案(2024—2026年) 的通知", "印发 数据要素行动方案(2024—2026年) "))
                .isEqualTo("数据要素行动方案(2024—2026年)");
        assertThat(PolicyRule.issuedDocument("关于转发《算力券管理办法》的通知", "转发《算力券管理办法》"))
                .isEqualTo("算力券管理办法");
    }

    @Test
    void anyOtherTitleIsTheDocumentItself() {
        assertThat(PolicyRule.issuedDocument("关于加快推进人工智能产业发展的实施意见", "加快推进人工智能产业发展"))
                .isEqualTo("关于加快推进人工智能产业发展的实施意见");
    }
}
